// Collapse the main menu behind a button on narrow screens; without JS the menu stays open.
// The groups are <details> (they open and close without JS); here one opens at a time, Esc
// closes it and returns focus to its summary, and a click elsewhere closes it.
(function () {
  var nav = document.getElementById("main-nav");
  if (!nav) return;
  var button = nav.querySelector(".nav-toggle");
  var narrow = window.matchMedia("(max-width: 767px)");
  var groups = Array.prototype.slice.call(nav.querySelectorAll(".menu-group details"));
  function set(collapsed) {
    nav.setAttribute("data-collapsed", collapsed ? "true" : "false");
    button.setAttribute("aria-expanded", collapsed ? "false" : "true");
  }
  function closeOthers(except) {
    groups.forEach(function (group) { if (group !== except) group.open = false; });
  }
  set(narrow.matches);
  button.addEventListener("click", function () {
    set(nav.getAttribute("data-collapsed") !== "true");
  });
  narrow.addEventListener("change", function (event) { set(event.matches); });
  groups.forEach(function (group) {
    group.addEventListener("toggle", function () { if (group.open) closeOthers(group); });
  });
  nav.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = groups.filter(function (group) { return group.open; })[0];
    if (!open) return;
    open.open = false;
    open.querySelector("summary").focus();
  });
  document.addEventListener("click", function (event) {
    if (!nav.contains(event.target)) closeOthers(null);
  });
})();
