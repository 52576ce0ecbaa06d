// The dependency floor's loader, the same way as labsim's: index.html
// preloads main.wasm, which compiles while it downloads, then runs.
// Nothing else.
(function () {
  'use strict';
  window.floorFatal = function (msg) { document.body.textContent = 'floor: ' + msg; };
  var go = new Go();
  var resp = fetch('main.wasm');
  var started = WebAssembly.instantiateStreaming
    ? WebAssembly.instantiateStreaming(resp, go.importObject)
    : resp.then(function (r) { return r.arrayBuffer(); }).then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
  started.then(function (r) { go.run(r.instance); }, function (err) { window.floorFatal(String(err)); });
})();
