// The rule editor's "Vis virkningen": posts the unsaved form to the preview view and shows the
// answer in a live region, so the editor sees the effect before saving.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-rule-preview-url]");
  if (!button) {
    return;
  }
  const output = button.closest("[data-rule-preview]").querySelector("[data-rule-preview-output]");
  const form = button.closest("form");
  button.disabled = true;
  output.textContent = button.dataset.busyText || "…";
  try {
    const response = await fetch(button.dataset.rulePreviewUrl, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Requested-With": "XMLHttpRequest" },
      credentials: "same-origin",
    });
    output.innerHTML = response.ok ? await response.text() : button.dataset.failedText;
  } catch {
    output.textContent = button.dataset.failedText;
  } finally {
    button.disabled = false;
  }
});
