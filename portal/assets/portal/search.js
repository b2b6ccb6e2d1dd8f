// The search field's suggestions (combobox.js): titles the reader may find; choosing one opens it.
document.addEventListener("DOMContentLoaded", function () {
  var list = document.getElementById("search-suggestions");
  var input = document.querySelector('input[aria-controls="search-suggestions"]');
  var status = document.getElementById("search-suggestions-status");
  if (!list || !input) {
    return;
  }
  window.portalCombobox(input, list, status, {
    query: function () {
      return input.value.trim();
    },
    label: function (option, suggestion) {
      option.dataset.url = suggestion.url;
      option.textContent = suggestion.label;
      var kind = document.createElement("span");
      kind.className = "search-suggestion-kind";
      kind.textContent = " · " + suggestion.kind;
      option.appendChild(kind);
    },
    choose: function (suggestion) {
      window.location.assign(suggestion.url);
    },
  });
});
