// Suggestions under a text field, after the ARIA 1.2 combobox pattern: as the reader types,
// the portal is asked for suggestions; arrow keys move through them (focus stays in the field,
// aria-activedescendant marks the option), Enter chooses, Escape closes, and a status line
// tells screen readers how many there are. The search field and the mention autocomplete
// share it; each says what to ask for, how an option reads and what choosing does:
//   portalCombobox(field, list, status, {query: () => text or "", label: (option, s) => ...,
//                                        choose: (s) => ...})
window.portalCombobox = function (input, list, status, behaviour) {
  input.parentNode.appendChild(list);
  // A text area cannot carry role="combobox" in HTML, so it has no aria-expanded either; the
  // list's `hidden` and the status line say whether suggestions are shown.
  var expandable = input.getAttribute("role") === "combobox";
  var options = [];
  var suggestions = [];
  var active = -1;
  var timer = null;
  var asked = 0;

  function expand(open) {
    list.hidden = !open;
    if (expandable) {
      input.setAttribute("aria-expanded", open ? "true" : "false");
    }
  }

  function close() {
    expand(false);
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function mark(index) {
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

  function choose(index) {
    var suggestion = suggestions[index];
    close();
    behaviour.choose(suggestion);
  }

  function show(found) {
    list.textContent = "";
    suggestions = found;
    options = found.map(function (suggestion, i) {
      var option = document.createElement("li");
      option.id = list.id + "-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      behaviour.label(option, suggestion);
      option.addEventListener("mousedown", function (event) {
        event.preventDefault();
        choose(i);
      });
      list.appendChild(option);
      return option;
    });
    active = -1;
    if (options.length) {
      expand(true);
    } else {
      close();
    }
    status.textContent = options.length ? list.dataset.found.replace("{n}", options.length) : "";
  }

  function ask() {
    var typed = behaviour.query();
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
      expand(true);
      mark(active + 1 < options.length ? active + 1 : 0);
    } else if (event.key === "ArrowUp" && !list.hidden && options.length) {
      event.preventDefault();
      mark(active > 0 ? active - 1 : options.length - 1);
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", close);
};
