// Starts Det Fælles Designsystem's components and moves focus to a form's error summary.
document.addEventListener("DOMContentLoaded", function () {
  if (window.DKFDS) {
    window.DKFDS.init();
  }
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
});
