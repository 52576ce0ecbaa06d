// labsim page script: loads main.wasm with real progress, starts the Go
// program, reports failures, and provides labsimPatch, the DOM morph the Go
// side calls to apply each view. No inline scripts anywhere, so the site
// runs under "script-src 'self' 'wasm-unsafe-eval'".
(function () {
  'use strict';

  var params = new URLSearchParams(location.search);
  var lang = (params.get('lang') || navigator.language || 'en').toLowerCase().indexOf('ko') === 0 ? 'ko' : 'en';
  var text = {
    ko: {
      loading: '시뮬레이터를 불러오는 중…',
      starting: '시뮬레이터를 시작하는 중…',
      unsupported: '이 브라우저는 WebAssembly를 지원하지 않아 labsim을 실행할 수 없습니다. 최신 Chrome, Edge, Firefox 또는 Safari를 사용하세요.',
      failed: '시뮬레이터를 불러오지 못했습니다: ',
      stopped: '시뮬레이터가 예기치 않게 중지되었습니다. 마지막으로 저장된 작업은 이 브라우저에 남아 있습니다.',
      reload: '다시 불러오기'
    },
    en: {
      loading: 'Loading the simulator…',
      starting: 'Starting the simulator…',
      unsupported: 'This browser does not support WebAssembly, so labsim cannot run. Use a current Chrome, Edge, Firefox or Safari.',
      failed: 'The simulator could not be loaded: ',
      stopped: 'The simulator stopped unexpectedly. Your work up to the last saved change is kept in this browser.',
      reload: 'Reload'
    }
  }[lang];

  var boot = document.getElementById('boot');
  var bootMessage = document.getElementById('boot-message');
  var progress = document.getElementById('boot-progress');
  bootMessage.textContent = text.loading;

  // fatal replaces the boot screen (or overlays the app) with an error and
  // a reload button.
  function fatal(message) {
    var box = document.getElementById('fatal');
    if (!box) {
      box = document.createElement('div');
      box.id = 'fatal';
      box.className = 'fatal';
      box.setAttribute('role', 'alert');
      document.body.insertBefore(box, document.body.firstChild);
    }
    box.textContent = '';
    var p = document.createElement('p');
    p.textContent = message;
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn btn-primary';
    b.textContent = text.reload;
    b.addEventListener('click', function () { location.reload(); });
    box.appendChild(p);
    box.appendChild(b);
    if (boot) boot.hidden = true;
    // Nothing on the stopped page answers any more: make it inert so that
    // no click looks as if it worked.
    var root = document.getElementById('root');
    if (root) {
      root.inert = true;
      root.classList.add('stopped');
    }
    b.focus();
  }
  window.labsimFatal = function (msg) { fatal(text.failed + msg); };

  // ---- DOM morph -------------------------------------------------------
  function keyOf(n) {
    return n.nodeType === 1 ? (n.getAttribute('id') || n.getAttribute('data-key') || '') : '';
  }
  function same(a, b) {
    if (a.nodeType !== b.nodeType) return false;
    if (a.nodeType !== 1) return true;
    if (a.tagName !== b.tagName || keyOf(a) !== keyOf(b)) return false;
    if (a.tagName === 'INPUT' && a.type !== (b.getAttribute('type') || 'text')) return false;
    return true;
  }
  function syncAttributes(a, b, focused) {
    var i, attr;
    for (i = a.attributes.length - 1; i >= 0; i--) {
      attr = a.attributes[i].name;
      if (!b.hasAttribute(attr)) a.removeAttribute(attr);
    }
    for (i = 0; i < b.attributes.length; i++) {
      attr = b.attributes[i];
      if (focused && attr.name === 'value') continue;
      if (a.getAttribute(attr.name) !== attr.value) a.setAttribute(attr.name, attr.value);
    }
  }
  function syncFormState(a, b, focused) {
    var tag = a.tagName;
    if (tag === 'INPUT') {
      var type = a.type;
      if (type === 'checkbox' || type === 'radio') {
        var want = b.hasAttribute('checked');
        if (a.checked !== want) a.checked = want;
      } else if (type !== 'file' && !focused) {
        var v = b.getAttribute('value') || '';
        if (a.value !== v) a.value = v;
      }
    } else if (tag === 'TEXTAREA' && !focused) {
      if (a.value !== b.textContent) a.value = b.textContent;
    } else if (tag === 'SELECT' && !focused) {
      var sel = b.querySelector('option[selected]');
      var val = sel ? sel.getAttribute('value') : '';
      if (val !== null && a.value !== val) a.value = val;
    }
  }
  function morphNode(a, b) {
    if (a.nodeType !== 1) {
      if (a.nodeValue !== b.nodeValue) a.nodeValue = b.nodeValue;
      return;
    }
    // The focused field is the student's: never rewrite its value or
    // selection, so fast typing and IME composition lose nothing.
    var focused = a === document.activeElement;
    syncAttributes(a, b, focused);
    if (a.tagName !== 'TEXTAREA') morphChildren(a, b);
    syncFormState(a, b, focused);
  }
  // laterMatch finds, among a and its later siblings, the node that b
  // should update: the one with b's key, or (for unkeyed nodes) the one
  // holding the focus. Nodes before it are stale and can be removed.
  function laterMatch(a, b) {
    var key = keyOf(b), x;
    for (x = a; x; x = x.nextSibling) {
      if (key ? keyOf(x) === key && same(x, b) : same(x, b) && containsFocus(x)) return x;
    }
    return null;
  }
  function morphChildren(from, to) {
    var a = from.firstChild, b = to.firstChild, next, match, stale;
    while (b) {
      next = b.nextSibling;
      if (a && same(a, b)) {
        morphNode(a, b);
        a = a.nextSibling;
      } else if (a && (match = laterMatch(a.nextSibling, b)) && !between(a, match)) {
        // The nodes before the match were removed from the new view; the
        // match (often the focused field) is updated in place, never moved,
        // so it keeps focus, caret and any IME composition.
        while (a !== match) {
          stale = a;
          a = a.nextSibling;
          from.removeChild(stale);
        }
        morphNode(a, b);
        a = a.nextSibling;
      } else if (a && a.nextSibling && same(a.nextSibling, b) && !containsFocus(a)) {
        // a was removed from the new view.
        stale = a;
        a = a.nextSibling;
        from.removeChild(stale);
        morphNode(a, b);
        a = a.nextSibling;
      } else {
        from.insertBefore(b, a);
      }
      b = next;
    }
    while (a) {
      next = a.nextSibling;
      from.removeChild(a);
      a = next;
    }
  }
  // between reports whether a node from a up to (not including) end holds
  // the focus, in which case those nodes must not be removed.
  function between(a, end) {
    for (var x = a; x && x !== end; x = x.nextSibling) {
      if (containsFocus(x)) return true;
    }
    return false;
  }
  function containsFocus(n) {
    return n.nodeType === 1 && n.contains(document.activeElement);
  }
  window.labsimPatch = function (root, html) {
    var tpl = document.createElement('template');
    tpl.innerHTML = html;
    morphChildren(root, tpl.content);
    // The document's language follows the chosen one (#app's lang), so that
    // the title and anything outside #app are read in it too.
    var app = document.getElementById('app');
    if (app && app.lang && document.documentElement.lang !== app.lang) document.documentElement.lang = app.lang;
  };

  // ---- IAM action catalog ----------------------------------------------
  // labsimLoadCatalog fetches iam-actions.dat (raw DEFLATE) when a policy
  // first needs it. The browser's DecompressionStream inflates it much
  // faster than Go can under WebAssembly; without it the Go side inflates.
  window.labsimLoadCatalog = function () {
    return fetch('iam-actions.dat').then(function (resp) {
      if (!resp.ok) throw new Error('iam-actions.dat: HTTP ' + resp.status);
      if (typeof DecompressionStream === 'function' && resp.body) {
        try {
          var inflated = resp.body.pipeThrough(new DecompressionStream('deflate-raw'));
          return new Response(inflated).arrayBuffer().then(function (b) {
            return { inflated: true, bytes: new Uint8Array(b) };
          });
        } catch (e) { /* deflate-raw unsupported: fall through */ }
      }
      return resp.arrayBuffer().then(function (b) { return { inflated: false, bytes: new Uint8Array(b) }; });
    });
  };

  // ---- loading ---------------------------------------------------------
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function' || typeof Go !== 'function') {
    fatal(text.unsupported);
    return;
  }
  var rawSize = Number(document.documentElement.getAttribute('data-wasm-size')) || 0;

  // mark records a start-up phase for `make startup` (performance marks).
  function mark(name) {
    if (window.performance && performance.mark) performance.mark('labsim:' + name);
  }

  // counted passes main.wasm's decompressed bytes through, moving the
  // progress bar against the raw size known at build time (Content-Length
  // is the compressed size when the server compresses).
  function counted(body) {
    var got = 0;
    return body.pipeThrough(new TransformStream({
      transform: function (chunk, out) {
        got += chunk.length;
        if (rawSize) progress.value = Math.min(got / rawSize, 1);
        out.enqueue(chunk);
      },
      flush: function () { progress.value = 1; mark('downloaded'); }
    }));
  }

  // load fetches and instantiates main.wasm. When the server sends
  // application/wasm, the browser compiles while the bytes arrive
  // (instantiateStreaming); otherwise the whole file is read and then
  // compiled.
  function load(imports) {
    mark('fetch');
    return fetch('main.wasm').then(function (resp) {
      if (!resp.ok) throw new Error('main.wasm: HTTP ' + resp.status);
      var type = (resp.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
      if (type === 'application/wasm' && resp.body && typeof WebAssembly.instantiateStreaming === 'function' &&
          typeof TransformStream === 'function') {
        var streamed = new Response(counted(resp.body), { headers: { 'Content-Type': 'application/wasm' } });
        return WebAssembly.instantiateStreaming(streamed, imports);
      }
      var body = resp.body && typeof TransformStream === 'function' ? new Response(counted(resp.body)) : resp;
      return body.arrayBuffer().then(function (bytes) {
        mark('downloaded');
        progress.value = 1;
        return WebAssembly.instantiate(bytes, imports);
      });
    });
  }

  var go = new Go();
  load(go.importObject).then(function (result) {
    mark('compiled');
    bootMessage.textContent = text.starting;
    // The WebAssembly memory's size in bytes, for the soak test
    // (e2e/soak_test.go); it only ever grows.
    window.labsimWasmMemoryBytes = function () { return result.instance.exports.mem.buffer.byteLength; };
    go.run(result.instance).then(function () { fatal(text.stopped); }, function (err) { fatal(text.stopped + ' ' + err); });
    boot.hidden = true;
  }).catch(function (err) {
    fatal(text.failed + (err && err.message ? err.message : err));
  });
})();
