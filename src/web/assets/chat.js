// The chat, enhanced: answers are posted in the background, the reply appears after a short
// typing pause in a live region, and focus moves to the new question. The address follows the
// question (/chat/<step>). With JavaScript off, every form still works on its own.
// History: starting from the first page replaces that page's entry; from the second question on
// the conversation holds exactly one more entry, which every later question replaces. Back
// lands on the first entry; we notice (popstate), go back one question with answers kept, and
// put the second entry back. So a whole conversation is at most two entries, and "Leave this
// page" (exit.js) steps back over the second before replacing the first.
// Patchy data: an answer that cannot be sent (no signal, a timeout, a gateway error) stays in
// its box with a calm "No signal" line and is sent again, sooner when the phone says it is back
// online. Nothing is ever written to the phone's storage.
(function () {
  'use strict';
  if (!window.fetch || !window.DOMParser || !window.URLSearchParams) { return; }
  var reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  var main = document.getElementById('main');
  // 0 on the conversation's first history entry, 1 on the second (see the top).
  var depth = (window.history.state && window.history.state.hys) || 0;
  var retry = null;
  var waitFor = 0;
  var whenOnline = null;

  // Help shown after worrying words comes first, for eyes and screen readers alike; the scroll
  // is done once, below, so focusing cannot push the newest turn under the "Leave" bar.
  function focusStart(root) {
    var target = root.querySelector('.error-summary') ||
      root.querySelector('#now .safety-panel .panel-title') || root.querySelector('h1');
    if (target) {
      target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    }
  }

  function log(root) { return root.querySelector('[role=log] > ol'); }

  function showTyping() {
    var list = log(main);
    if (!list || list.querySelector('.typing')) { return; }
    var dots = document.createElement('li');
    dots.className = 'bubble service typing';
    dots.setAttribute('aria-hidden', 'true');
    for (var i = 0; i < 3; i += 1) { dots.appendChild(document.createElement('span')); }
    list.appendChild(dots);
  }

  function hideTyping() {
    var dots = main.querySelector('.typing');
    if (dots) { dots.parentNode.removeChild(dots); }
  }

  // Keep the existing log and add only the new bubbles, so a screen reader announces just them.
  function swap(html, url) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var next = doc.getElementById('main');
    if (!next) { window.location.assign(url); return; }
    hideTyping();
    var oldLog = log(main);
    var newLog = log(next);
    if (oldLog && newLog) {
      var have = oldLog.children.length;
      var items = newLog.children;
      if (items.length >= have) {
        var added = [];
        for (var i = have; i < items.length; i += 1) { added.push(items[i]); }
        newLog.parentNode.replaceChild(oldLog, newLog);
        added.forEach(function (item) { oldLog.appendChild(document.importNode(item, true)); });
      }
    }
    while (main.firstChild) { main.removeChild(main.firstChild); }
    while (next.firstChild) { main.appendChild(document.importNode(next.firstChild, true)); next.removeChild(next.firstChild); }
    document.title = doc.title;
    record(new URL(url, window.location.href).pathname);
    enhance(main);
    focusStart(main);
    // An answer that was not taken: the summary saying why stays in view (it has the focus).
    var now = main.querySelector('.error-summary') || document.getElementById('now');
    if (now && now.scrollIntoView) { now.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' }); }
  }

  function fallback(form, submitter) {
    if (submitter && submitter.name) {
      var field = document.createElement('input');
      field.type = 'hidden';
      field.name = submitter.name;
      field.value = submitter.value;
      form.appendChild(field);
    }
    form.submit();
  }

  // A page with a way back gets the second history entry (once); any other replaces the one
  // it is on. Only the path is kept: step ids, never a child's words.
  function record(path) {
    if (path.indexOf('/chat/') !== 0) { return; }
    if (depth === 0 && main.querySelector('form.back')) {
      window.history.pushState({ hys: 1 }, '', path);
      depth = 1;
    } else if (path !== window.location.pathname) {
      window.history.replaceState({ hys: depth }, '', path);
    }
  }

  function noSignal(form, show) {
    var note = form.querySelector('.no-signal') || main.querySelector('.no-signal');
    if (!note) { return; }
    note.hidden = !show;
    // Where the child is looking: the line sits under the send button, maybe below the fold.
    if (show && note.scrollIntoView) { note.scrollIntoView({ block: 'nearest' }); }
  }

  // The answer could not be sent: keep it where it is, say so calmly, and try again.
  function later(form, submitter) {
    hideTyping();
    noSignal(form, true);
    waitFor = Math.min(waitFor ? waitFor * 2 : 2000, 15000);
    window.clearTimeout(retry);
    retry = window.setTimeout(function () { send(form, submitter); }, waitFor);
    // One waiting send at a time: the phone coming back online sends it at once.
    if (whenOnline) { window.removeEventListener('online', whenOnline); }
    whenOnline = function () {
      window.removeEventListener('online', whenOnline);
      whenOnline = null;
      if (retry) { window.clearTimeout(retry); send(form, submitter); }
    };
    window.addEventListener('online', whenOnline);
  }

  function send(form, submitter) {
    retry = null;
    // Read the form again: the words in the box may have been changed while we waited.
    var body = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name && submitter.form === form) { body.append(submitter.name, submitter.value); }
    var started = Date.now();
    var stop = window.AbortController ? new window.AbortController() : null;
    var timer = stop ? window.setTimeout(function () { stop.abort(); }, 20000) : 0;
    // The typing pause paces a child's conversation; an adult on a child's behalf is not kept waiting.
    var adult = !!main.querySelector('[data-adult]');
    if (!adult) { showTyping(); }
    fetch(form.action, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      signal: stop ? stop.signal : undefined
    }).then(function (response) {
      window.clearTimeout(timer);
      // A gateway that cannot reach us is no signal too; our own errors are kind pages.
      if (response.status === 502 || response.status === 503 || response.status === 504) { throw new Error('signal'); }
      if (response.status >= 500) { throw new Error('server'); }
      return response.text().then(function (html) {
        waitFor = 0;
        noSignal(form, false);
        var wait = reduce || adult ? 0 : Math.max(0, 700 - (Date.now() - started));
        window.setTimeout(function () { swap(html, response.url); }, wait);
      });
    }).catch(function (error) {
      window.clearTimeout(timer);
      if (error && error.message === 'server') {
        hideTyping();
        form.removeAttribute('data-sending');
        fallback(form, submitter);
      } else {
        later(form, submitter);
      }
    });
  }

  function onSubmit(event) {
    var form = event.currentTarget;
    var submitter = event.submitter || document.activeElement;
    event.preventDefault();
    if (form.getAttribute('data-sending')) {
      // Pressed again while waiting for a signal: try now, with what is in the box now.
      if (retry) { window.clearTimeout(retry); send(form, submitter); }
      return;
    }
    form.setAttribute('data-sending', '1');
    send(form, submitter);
  }

  // Back landed on the first entry: go back one question here, then put the second entry back.
  window.addEventListener('popstate', function (event) {
    if (document.documentElement.getAttribute('data-leaving')) { return; }
    var state = event.state;
    depth = (state && state.hys) || 0;
    if (depth !== 0) { return; }
    var back = main.querySelector('form.back');
    if (!back || back.getAttribute('data-sending')) { return; }
    back.setAttribute('data-sending', '1');
    send(back, null);
  });

  function enhance(root) {
    root.querySelectorAll('form[data-chat]').forEach(function (form) {
      form.addEventListener('submit', onSubmit);
    });
  }

  enhance(main);
  record(window.location.pathname);
  document.documentElement.setAttribute('data-chat', 'ready');
  if (main.querySelector('.error-summary')) { focusStart(main); }
})();
