// The results page: "Copy link" beside the link to keep. Without JavaScript (or without
// clipboard access) the link stays in a read-only field to select and copy by hand.
(function () {
  "use strict";
  var button = document.getElementById("copy-link");
  var field = document.getElementById("share-link");
  if (!button || !field || !navigator.clipboard) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(field.value).then(function () {
      var label = button.textContent;
      button.textContent = button.dataset.done;
      window.setTimeout(function () {
        button.textContent = label;
      }, 2000);
    });
  });
})();
