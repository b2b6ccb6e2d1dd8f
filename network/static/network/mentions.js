// Mentioning by name (combobox.js): typing "@" and two letters of a name in a post's text
// suggests the people who may read the group; choosing one puts a stable mention,
// "@[Name](bruger:ID)", in place of what was typed.
document.addEventListener("DOMContentLoaded", function () {
  var list = document.getElementById("mention-suggestions");
  var status = document.getElementById("mention-suggestions-status");
  var input = list && list.closest("form").querySelector('textarea[name="body"]');
  if (!input) {
    return;
  }
  // "@" at the start or after a space or bracket, then up to three words of a name.
  var typing = /(^|[\s(])@([^\s@[\]()]+(?: [^\s@[\]()]*){0,2})$/;
  var hint = document.getElementById(list.dataset.hint);
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute(
    "aria-describedby",
    ((input.getAttribute("aria-describedby") || "") + " " + hint.id).trim(),
  );
  input.parentNode.insertBefore(hint, input);
  hint.hidden = false;

  function typed() {
    var before = input.value.slice(0, input.selectionStart);
    return input.selectionStart === input.selectionEnd ? before.match(typing) : null;
  }

  window.portalCombobox(input, list, status, {
    query: function () {
      var match = typed();
      return match ? match[2].trim() : "";
    },
    label: function (option, person) {
      option.textContent = person.name;
      if (person.detail) {
        var detail = document.createElement("span");
        detail.textContent = " · " + person.detail;
        option.appendChild(detail);
      }
    },
    choose: function (person) {
      var match = typed();
      if (!match) {
        return;
      }
      var end = input.selectionStart;
      var start = end - match[0].length + match[1].length;
      var mention = "@[" + person.name.replace(/[[\]]/g, "") + "](bruger:" + person.id + ") ";
      input.setRangeText(mention, start, end, "end");
      input.focus();
    },
  });
});
