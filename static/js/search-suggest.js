// Title suggestions under the header search box, from /api/search/suggest/. Without JavaScript
// the form still searches; this only fills the box's <datalist> as the reader types.
(function () {
  const input = document.getElementById("site-search-q");
  const list = document.getElementById("site-search-suggestions");
  if (!input || !list || !window.fetch) return;
  let timer = null;
  let controller = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      const text = input.value.trim();
      if (text.length < 2) return;
      if (controller) controller.abort();
      controller = new AbortController();
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(text), { signal: controller.signal })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (body) {
          list.replaceChildren(...body.suggestions.map(function (suggestion) {
            const option = document.createElement("option");
            option.value = suggestion.title;
            return option;
          }));
        })
        .catch(function () {});
    }, 200);
  });
})();
