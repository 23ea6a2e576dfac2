// Photo albums: a thumbnail's link opens the photo in a modal viewer. Arrow keys move between
// photos, Esc closes (the dialog's own behaviour), focus stays in the viewer while it is open
// and returns to the thumbnail afterwards. Without JavaScript the links open the photos.
(function () {
  var list = document.querySelector("[data-gallery]");
  if (!list || typeof HTMLDialogElement === "undefined") return;
  var links = Array.prototype.slice.call(list.querySelectorAll("a[href]"));
  if (!links.length) return;
  var labels = list.dataset;
  var dialog = document.createElement("dialog");
  dialog.className = "lightbox";
  dialog.setAttribute("aria-label", labels.labelViewer);
  dialog.innerHTML =
    '<figure><img alt=""><figcaption></figcaption></figure>' +
    '<p class="lightbox-position" aria-live="polite"></p>' +
    '<div class="lightbox-controls">' +
    '<button type="button" class="btn" data-step="-1"></button>' +
    '<button type="button" class="btn" data-step="1"></button>' +
    '<button type="button" class="btn lightbox-close"></button></div>';
  document.body.appendChild(dialog);
  var image = dialog.querySelector("img");
  var caption = dialog.querySelector("figcaption");
  var position = dialog.querySelector(".lightbox-position");
  var previous = dialog.querySelector('[data-step="-1"]');
  var next = dialog.querySelector('[data-step="1"]');
  var close = dialog.querySelector(".lightbox-close");
  previous.textContent = "‹ " + labels.labelPrevious;
  next.textContent = labels.labelNext + " ›";
  close.textContent = "✕ " + labels.labelClose;
  var current = 0;

  function show(index) {
    current = (index + links.length) % links.length;
    var link = links[current];
    var thumbnail = link.querySelector("img");
    var text = link.parentNode.querySelector("figcaption");
    image.src = link.href;
    image.width = Number(link.dataset.width) || 0;
    image.height = Number(link.dataset.height) || 0;
    image.alt = thumbnail ? thumbnail.alt : "";
    caption.textContent = text ? text.textContent : "";
    caption.hidden = !text;
    position.textContent = labels.labelPosition
      .replace("{n}", current + 1)
      .replace("{total}", links.length);
  }

  links.forEach(function (link, index) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      show(index);
      dialog.showModal();
      close.focus();
    });
  });
  previous.addEventListener("click", function () { show(current - 1); });
  next.addEventListener("click", function () { show(current + 1); });
  close.addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "ArrowLeft") { show(current - 1); event.preventDefault(); }
    if (event.key === "ArrowRight") { show(current + 1); event.preventDefault(); }
    if (event.key === "Tab") {
      // Keep Tab and Shift+Tab inside the viewer's three buttons.
      var buttons = [previous, next, close];
      var at = buttons.indexOf(document.activeElement);
      var to = event.shiftKey ? (at <= 0 ? 2 : at - 1) : (at === 2 || at < 0 ? 0 : at + 1);
      buttons[to].focus();
      event.preventDefault();
    }
  });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();  // a click on the backdrop
  });
  dialog.addEventListener("close", function () { links[current].focus(); });
})();
