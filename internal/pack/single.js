// labsim single-file loader. This page carries its own files (main.wasm,
// the action catalog, data files) as base64 blocks
// <script type="application/octet-stream" data-labsim-file="NAME"
// data-encoding="gzip|identity">, because a page opened from file:// may
// not fetch its neighbours. This script runs before the page's own
// scripts and answers their fetches of those names from the blocks (gzip
// is inflated by the browser's DecompressionStream), so the page's
// loading code is the same as on a web server. A fetch of any other file
// of the page's folder fails with a clear message; other URLs are left to
// the browser (and this page's CSP refuses them).
(function () {
  'use strict';
  var blocks = {};
  var list = document.querySelectorAll('script[type="application/octet-stream"][data-labsim-file]');
  for (var i = 0; i < list.length; i++) blocks[list[i].getAttribute('data-labsim-file')] = list[i];
  var types = { wasm: 'application/wasm', js: 'text/javascript', json: 'application/json', css: 'text/css', html: 'text/html', txt: 'text/plain' };

  function decode(text) {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
    var bin = atob(text);
    var out = new Uint8Array(bin.length);
    for (var j = 0; j < bin.length; j++) out[j] = bin.charCodeAt(j);
    return out;
  }

  function open(name) {
    var el = blocks[name];
    var bytes = decode(el.textContent);
    if (el.getAttribute('data-encoding') !== 'gzip') return bytes;
    if (typeof DecompressionStream !== 'function') {
      throw new Error('this browser cannot decompress ' + name + ' (no DecompressionStream): use a current Chrome, Edge, Firefox or Safari');
    }
    return new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  }

  function strip(href) { return href.split('#')[0].split('?')[0]; }
  var folder = strip(location.href);
  folder = folder.slice(0, folder.lastIndexOf('/') + 1);

  // own returns the name of a file of the page's folder that a fetch asks
  // for, or null for any other URL.
  function own(input) {
    var url = typeof input === 'string' ? input : input && typeof input.url === 'string' ? input.url : String(input);
    var href = strip(new URL(url, location.href).href);
    if (href.indexOf(folder) !== 0) return null;
    return decodeURIComponent(href.slice(folder.length));
  }

  var browserFetch = window.fetch;
  window.fetch = function (input, init) {
    var name;
    try { name = own(input); } catch (e) { name = null; }
    if (name === null) return browserFetch.apply(this, arguments);
    if (!Object.prototype.hasOwnProperty.call(blocks, name)) {
      return Promise.reject(new TypeError(name + ' is not part of this single-file package'));
    }
    try {
      var ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
      return Promise.resolve(new Response(open(name), {
        status: 200,
        headers: { 'Content-Type': types[ext] || 'application/octet-stream' }
      }));
    } catch (e) {
      return Promise.reject(e);
    }
  };
  window.labsimSingleFile = true;
})();
