// The little the pages need a script for; everything else works without it.
// 1. Citations name the page by its file; put the address the reader actually sees there.
// 2. The BibTeX copy button (hidden when there is no script).
// 3. The Pagefind search box on the front page (pagefind-ui.js is loaded only there).
// 4. A printout shows what is folded away on screen (the account of the transcription).
(function () {
  "use strict";

  function pageAddress() {
    return window.location.href.split("#")[0];
  }

  function fillPageAddresses() {
    if (window.location.protocol === "file:") return;
    document.querySelectorAll("[data-page-url]").forEach(function (element) {
      var target = element.querySelector("code") || element;
      target.textContent = target.textContent.split(element.dataset.pageUrl).join(pageAddress());
    });
  }

  function enableCopyButtons() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var source = document.getElementById(button.dataset.copy);
      if (!source || !navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(source.textContent).then(function () {
          button.textContent = "Copied";
        }, function () {
          button.textContent = "Copy failed: select the text instead";
        });
      });
    });
  }

  // The search index is split in shards (pagefind/N/, listed in pagefind/shards.json) so that a
  // rebuild indexes again only the shards that changed; Pagefind merges them as it searches.
  function startSearch() {
    var element = document.getElementById("search-ui");
    if (!element || typeof PagefindUI === "undefined") return;
    fetch("pagefind/shards.json")
      .then(function (response) { return response.json(); })
      .then(function (shards) {
        if (!shards.length) return;
        var bundles = shards.map(function (shard) {
          return { bundlePath: new URL("pagefind/" + shard + "/", document.baseURI).href };
        });
        new PagefindUI({
          element: "#search-ui", showSubResults: true, showImages: false,
          bundlePath: bundles[0].bundlePath, mergeIndex: bundles.slice(1)
        });
      });
  }

  function unfoldForPrint() {
    document.querySelectorAll("details").forEach(function (details) {
      details.open = true;
    });
  }

  window.addEventListener("beforeprint", unfoldForPrint);
  document.addEventListener("DOMContentLoaded", function () {
    fillPageAddresses();
    enableCopyButtons();
    startSearch();
  });
})();
