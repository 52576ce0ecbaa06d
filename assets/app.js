// labsim page script: picks and loads the WebAssembly binary with real
// progress, starts the Go program, reports failures, and provides
// labsimPatch, the DOM morph the Go side calls to apply each view. No
// inline scripts anywhere, so the site runs under
// "script-src 'self' 'wasm-unsafe-eval'".
//
// It runs in <head>, before the stylesheet, so that the binary's download
// starts with the page; everything that needs <body> waits for
// DOMContentLoaded (by then wasm_exec.js, deferred, has run). A first visit
// of the site's landing page or sign-up loads entry.wasm, the first-visit
// binary; it hands the page to main.wasm, the full console, when the
// student goes further (labsimHandoff; README, "Size and speed").
(function () {
  'use strict';

  var params = new URLSearchParams(location.search);
  var lang = (params.get('lang') || navigator.language || 'en').toLowerCase().indexOf('ko') === 0 ? 'ko' : 'en';
  var texts = {
    ko: {
      loading: '시뮬레이터를 불러오는 중…',
      starting: '시뮬레이터를 시작하는 중…',
      unsupported: '이 브라우저는 WebAssembly를 지원하지 않아 labsim을 실행할 수 없습니다. 최신 Chrome, Edge, Firefox 또는 Safari를 사용하세요.',
      failed: '시뮬레이터를 불러오지 못했습니다: ',
      stopped: '시뮬레이터가 예기치 않게 중지되었습니다. 마지막으로 저장된 작업은 이 브라우저에 남아 있습니다.',
      reload: '다시 불러오기',
      console: '콘솔을 불러오는 중…'
    },
    en: {
      loading: 'Loading the simulator…',
      starting: 'Starting the simulator…',
      unsupported: 'This browser does not support WebAssembly, so labsim cannot run. Use a current Chrome, Edge, Firefox or Safari.',
      failed: 'The simulator could not be loaded: ',
      stopped: 'The simulator stopped unexpectedly. Your work up to the last saved change is kept in this browser.',
      reload: 'Reload',
      console: 'Loading the console…'
    }
  };
  var text = texts[lang];

  // ---- which binary ------------------------------------------------------
  var html = document.documentElement;
  var sizes = {
    'main.wasm': Number(html.getAttribute('data-wasm-size')) || 0,
    'entry.wasm': Number(html.getAttribute('data-entry-size')) || 0
  };
  // consoleKey remembers, in this browser, that the full console was used
  // here: later visits load it at once instead of the first-visit binary.
  var consoleKey = 'labsim:console';

  // firstVisit reports whether the first-visit binary can serve this load:
  // the site (not an LMS package or a single file, no instructor's labs),
  // not framed, no lab,
  // prepared world, LMS or private window asked for, and the landing page
  // or the sign-up. When it guesses wrong, the first-visit binary hands
  // over at once.
  function firstVisit() {
    if (!sizes['entry.wasm'] || html.getAttribute('data-deployment') !== 'site') return false;
    // An instructor's labs (make build LABS=…) are read by the full console.
    if (html.getAttribute('data-labs')) return false;
    try { if (window.parent !== window) return false; } catch (e) { return false; }
    if (params.has('lab') || params.has('world') || params.has('scorm') || params.has('private')) return false;
    var route = location.hash.replace(/^#\/?/, '');
    return route === '' || /^signup(\/|$)/.test(route);
  }
  // storageAllows reports whether this browser's storage lets the
  // first-visit binary serve: localStorage works (the hand-over goes
  // through it) and the full console was never used here.
  function storageAllows() {
    try {
      if (localStorage.getItem(consoleKey) === '1') return false;
      localStorage.setItem(consoleKey + ':probe', '1');
      localStorage.removeItem(consoleKey + ':probe');
      return true;
    } catch (e) { return false; }
  }
  // rememberConsole notes that the full console runs in this browser.
  function rememberConsole() {
    try { localStorage.setItem(consoleKey, '1'); } catch (e) { /* only an optimisation */ }
  }

  // mark records a start-up phase for `make startup` (performance marks).
  function mark(name) {
    if (window.performance && performance.mark) performance.mark('labsim:' + name);
  }

  // The download starts now, before <body> is parsed; the response waits
  // for the compiler.
  var binary = firstVisit() && storageAllows() ? 'entry.wasm' : 'main.wasm';
  mark('fetch');
  var firstResponse = typeof fetch === 'function' ? fetch(binary) : null;
  if (firstResponse) firstResponse.catch(function () { /* reported by load */ });
  var boot, bootMessage, progress;

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }

  function start() {
  boot = document.getElementById('boot');
  bootMessage = document.getElementById('boot-message');
  progress = document.getElementById('boot-progress');
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
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function' || typeof Go !== 'function' || !firstResponse) {
    fatal(text.unsupported);
    return;
  }

  // counted passes a binary's decompressed bytes through, moving the
  // progress bar against the raw size known at build time (Content-Length
  // is the compressed size when the server compresses).
  function counted(body, rawSize) {
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

  // count reads one branch of a teed body to move the progress bar, while
  // the other branch goes to the compiler untouched by script.
  function count(body, rawSize) {
    var reader = body.getReader(), got = 0;
    function next() {
      return reader.read().then(function (r) {
        if (r.done) { progress.value = 1; mark('downloaded'); return; }
        got += r.value.length;
        if (rawSize) progress.value = Math.min(got / rawSize, 1);
        return next();
      });
    }
    next().catch(function () { /* the compiler's branch reports failures */ });
  }

  // load instantiates a binary from its response. When the server sends
  // application/wasm, the browser compiles while the bytes arrive
  // (instantiateStreaming) from one branch of the body while the other
  // moves the progress bar; otherwise the whole file is read and then
  // compiled.
  function load(name, response, imports) {
    return response.then(function (resp) {
      if (!resp.ok) throw new Error(name + ': HTTP ' + resp.status);
      var rawSize = sizes[name];
      var type = (resp.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
      if (type === 'application/wasm' && resp.body && typeof WebAssembly.instantiateStreaming === 'function' &&
          typeof resp.body.tee === 'function') {
        var branches = resp.body.tee();
        count(branches[1], rawSize);
        return WebAssembly.instantiateStreaming(new Response(branches[0], { headers: { 'Content-Type': 'application/wasm' } }), imports);
      }
      var body = resp.body && typeof TransformStream === 'function' ? new Response(counted(resp.body, rawSize)) : resp;
      return body.arrayBuffer().then(function (bytes) {
        mark('downloaded');
        progress.value = 1;
        return WebAssembly.instantiate(bytes, imports);
      });
    });
  }

  // run loads a binary and starts its Go program on the page.
  function run(name, response) {
    var go = new Go();
    return load(name, response, go.importObject).then(function (result) {
      mark('compiled');
      if (name === 'main.wasm') rememberConsole();
      bootMessage.textContent = text.starting;
      // The WebAssembly memory's size in bytes, for the soak test
      // (e2e/soak_test.go); it only ever grows.
      window.labsimWasmMemoryBytes = function () { return result.instance.exports.mem.buffer.byteLength; };
      window.labsimBinary = name;
      // The page answers again before the program's first update, which
      // may move the focus (a hand-over's page title): an inert page
      // refuses focus.
      var root = document.getElementById('root');
      if (root) {
        root.inert = false;
        root.classList.remove('handing-over');
      }
      go.run(result.instance).then(function () { fatal(text.stopped); }, function (err) { fatal(text.stopped + ' ' + err); });
      boot.hidden = true;
    }).catch(function (err) {
      fatal(text.failed + (err && err.message ? err.message : err));
    });
  }

  // labsimHandoff is called by the first-visit binary when the student goes
  // where only the full console can follow. The world is already saved;
  // the page stays on screen, inert, under the loading bar, until the full
  // console (reading the same storage and address) patches it.
  window.labsimHandoff = function () {
    window.labsimHandoff = function () {};
    // The loading bar and any error speak the language chosen on the page
    // (labsimPatch keeps <html lang> on it).
    text = texts[(html.lang || '').toLowerCase().indexOf('ko') === 0 ? 'ko' : 'en'];
    var root = document.getElementById('root');
    if (root) {
      root.inert = true;
      root.setAttribute('aria-busy', 'true');
      root.classList.add('handing-over');
    }
    boot.classList.add('handover');
    bootMessage.textContent = text.console;
    progress.value = 0;
    boot.hidden = false;
    mark('fetch-console');
    run('main.wasm', fetch('main.wasm'));
  };

  run(binary, firstResponse);
  }
})();
