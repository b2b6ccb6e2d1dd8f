// The search field's suggestions as an ARIA 1.2 combobox with a list box: typing asks the
// portal for titles the reader may find; arrow keys move through them (focus stays in the
// field, aria-activedescendant marks the option), Enter opens the chosen one, Escape closes.
document.addEventListener("DOMContentLoaded", function () {
  var list = document.getElementById("search-suggestions");
  var input = document.querySelector('input[aria-controls="search-suggestions"]');
  var status = document.getElementById("search-suggestions-status");
  if (!list || !input) {
    return;
  }
  input.parentNode.appendChild(list);
  var options = [];
  var active = -1;
  var timer = null;
  var asked = 0;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function choose(index) {
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    active = index;
    if (index < 0) {
      input.removeAttribute("aria-activedescendant");
    } else {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }
  }

  function show(suggestions) {
    list.textContent = "";
    options = suggestions.map(function (suggestion, i) {
      var option = document.createElement("li");
      option.id = "search-suggestion-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = suggestion.url;
      option.textContent = suggestion.label;
      var kind = document.createElement("span");
      kind.className = "search-suggestion-kind";
      kind.textContent = " · " + suggestion.kind;
      option.appendChild(kind);
      option.addEventListener("mousedown", function (event) {
        event.preventDefault();
        window.location.assign(suggestion.url);
      });
      list.appendChild(option);
      return option;
    });
    active = -1;
    if (options.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    } else {
      close();
    }
    status.textContent = options.length ? list.dataset.found.replace("{n}", options.length) : "";
  }

  function ask() {
    var typed = input.value.trim();
    if (typed.length < 2) {
      show([]);
      return;
    }
    var number = ++asked;
    fetch(list.dataset.url + "?q=" + encodeURIComponent(typed), { credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (data) {
        if (number === asked) {
          show(data.suggestions);
        }
      })
      .catch(function () {
        show([]);
      });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && options.length) {
      event.preventDefault();
      if (list.hidden) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
      choose(active + 1 < options.length ? active + 1 : 0);
    } else if (event.key === "ArrowUp" && !list.hidden && options.length) {
      event.preventDefault();
      choose(active > 0 ? active - 1 : options.length - 1);
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();
      window.location.assign(options[active].dataset.url);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", close);
});
