// Marks the page once MathJax has typeset it, so that a headless browser can read the
// outcome from the DOM: data-math = "typeset N" or "error ...", data-images = "N ok" or "broken ...".
(function () {
  function report() {
    var body = document.body;
    var raw = 0;
    document.querySelectorAll(".math").forEach(function (el) {
      if (!el.querySelector("mjx-container")) { raw += 1; }
    });
    var errors = document.querySelectorAll("mjx-merror, [data-mjx-error]").length;
    var typeset = document.querySelectorAll("mjx-container").length;
    body.setAttribute("data-math", (raw || errors) ? ("error raw=" + raw + " merror=" + errors) : ("typeset " + typeset));
    var broken = [];
    document.querySelectorAll("img").forEach(function (img) {
      if (!img.complete || img.naturalWidth === 0) { broken.push(img.getAttribute("src")); }
    });
    body.setAttribute("data-images", broken.length ? ("broken " + broken.join(" ")) : (document.images.length + " ok"));
  }
  function whenReady() {
    if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
      MathJax.startup.promise.then(function () { window.setTimeout(report, 0); });
    } else if (document.querySelectorAll(".math").length === 0) {
      report();
    } else {
      window.setTimeout(whenReady, 50);
    }
  }
  window.addEventListener("load", whenReady);
})();
