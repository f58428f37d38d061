// The view's behaviour: the record of a fact on hover or focus, choosing an entity, the legend.
(function () {
  "use strict";
  var text = document.getElementById("text");
  var tip = document.getElementById("tip");
  var status = document.getElementById("status");
  var selected = null;

  function factOf(node) { return node && node.closest ? node.closest("mark.fact") : null; }

  function showTip(mark) {
    tip.textContent = mark.getAttribute("data-tip");
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    var left = Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - 320);
    tip.style.left = Math.max(window.scrollX + 4, left) + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
    mark.setAttribute("aria-describedby", "tip");
  }
  function hideTip() { tip.hidden = true; }

  function marksOf(entity) {
    return text.querySelectorAll('mark[data-entity="' + entity + '"], mark[data-speaker="' + entity + '"]');
  }

  function select(entity) {
    if (selected === entity) { entity = null; }
    text.querySelectorAll("mark.lit").forEach(function (m) { m.classList.remove("lit"); });
    document.querySelectorAll("button.select-entity").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-select") === entity));
    });
    selected = entity;
    text.classList.toggle("selecting", entity !== null);
    if (entity === null) { status.textContent = ""; return; }
    marksOf(entity).forEach(function (m) { m.classList.add("lit"); });
    var mentions = new Set(), quotes = new Set();
    marksOf(entity).forEach(function (m) {
      (m.getAttribute("data-kind") === "entity" ? mentions : quotes).add(m.getAttribute("data-fact"));
    });
    var name = document.querySelector('button.select-entity[data-select="' + entity + '"]');
    status.textContent = (name ? name.textContent : entity) + ": " + mentions.size + " mentions, " +
      quotes.size + " quotations lit (Esc clears)";
  }

  text.addEventListener("mouseover", function (e) { var m = factOf(e.target); if (m) { showTip(m); } });
  text.addEventListener("mouseout", function (e) {
    if (!factOf(e.relatedTarget)) { hideTip(); }
  });
  text.addEventListener("focusin", function (e) { var m = factOf(e.target); if (m) { showTip(m); } });
  text.addEventListener("focusout", hideTip);
  text.addEventListener("click", function (e) {
    var m = factOf(e.target);
    if (m && m.hasAttribute("data-entity")) { select(m.getAttribute("data-entity")); }
  });
  text.addEventListener("keydown", function (e) {
    var m = factOf(e.target);
    if (m && m.hasAttribute("data-entity") && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      select(m.getAttribute("data-entity"));
    }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hideTip(); if (selected !== null) { select(selected); } }
  });
  document.querySelectorAll("button.select-entity").forEach(function (b) {
    b.addEventListener("click", function () { select(b.getAttribute("data-select")); });
  });
  document.querySelectorAll("a.jump").forEach(function (a) {
    a.addEventListener("click", function (e) {
      var target = document.getElementById(a.getAttribute("href").slice(1));
      if (!target) { return; }
      e.preventDefault();
      target.scrollIntoView({block: "center"});
      target.focus({preventScroll: true});
    });
  });
  document.querySelectorAll("input[data-toggle]").forEach(function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("hide-" + box.getAttribute("data-toggle"), !box.checked);
    });
  });
})();
