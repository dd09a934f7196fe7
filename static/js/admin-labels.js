// Gives every autocomplete search box in the admin the label of its field: Django's admin
// draws them with select2, whose inline search field has no label of its own.
(function () {
  "use strict";
  function labelFor(select) {
    var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }
  function name(root) {
    var boxes = root.querySelectorAll(".select2-search__field:not([aria-label])");
    Array.prototype.forEach.call(boxes, function (box) {
      var container = box.closest(".select2");
      var select = container ? container.previousElementSibling : null;
      if (select && select.tagName === "SELECT") {
        box.setAttribute("aria-label", labelFor(select));
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    name(document);
    new MutationObserver(function () {
      name(document);
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
