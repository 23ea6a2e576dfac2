// Collapse the main menu behind a button on narrow screens; without JS the menu stays open.
(function () {
  var nav = document.getElementById("main-nav");
  if (!nav) return;
  var button = nav.querySelector(".nav-toggle");
  var narrow = window.matchMedia("(max-width: 767px)");
  function set(collapsed) {
    nav.setAttribute("data-collapsed", collapsed ? "true" : "false");
    button.setAttribute("aria-expanded", collapsed ? "false" : "true");
  }
  set(narrow.matches);
  button.addEventListener("click", function () {
    set(nav.getAttribute("data-collapsed") !== "true");
  });
  narrow.addEventListener("change", function (event) { set(event.matches); });
})();
