// The chat, enhanced: answers are posted in the background, the reply appears after a short
// typing pause in a live region, and focus moves to the new question. The URL and history stay
// right (the page is always /chat), and any failure falls back to an ordinary form post. With
// JavaScript off, every form still works on its own.
// History: starting from the first page replaces that page's entry, and every step after it
// replaces the entry again, so a whole conversation is one entry in the browser's history;
// "Leave this page" then replaces that one entry too, and Back leads away from the service.
(function () {
  'use strict';
  if (!window.fetch || !window.DOMParser || !window.URLSearchParams) { return; }
  var reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  var main = document.getElementById('main');

  // Help shown after worrying words comes first, for eyes and screen readers alike; the scroll
  // is done once, below, so focusing cannot push the newest turn under the "Leave" bar.
  function focusStart(root) {
    var target = root.querySelector('.error-summary') ||
      root.querySelector('#now .safety-panel h2') || root.querySelector('h1');
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
    var path = new URL(url, window.location.href).pathname;
    if (path !== window.location.pathname) { window.history.replaceState(null, '', path); }
    enhance(main);
    focusStart(main);
    var now = document.getElementById('now');
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

  function onSubmit(event) {
    var form = event.currentTarget;
    var submitter = event.submitter || document.activeElement;
    event.preventDefault();
    if (form.getAttribute('data-sending')) { return; }
    form.setAttribute('data-sending', '1');
    var body = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name && submitter.form === form) { body.append(submitter.name, submitter.value); }
    var started = Date.now();
    showTyping();
    fetch(form.action, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' }
    }).then(function (response) {
      if (response.status >= 500) { throw new Error('server'); }
      return response.text().then(function (html) {
        var wait = reduce ? 0 : Math.max(0, 700 - (Date.now() - started));
        window.setTimeout(function () { swap(html, response.url); }, wait);
      });
    }).catch(function () {
      hideTyping();
      form.removeAttribute('data-sending');
      fallback(form, submitter);
    });
  }

  // "Read it to me", in the page's language, where the browser can speak.
  function readAloud(root) {
    var button = root.querySelector('.read-aloud');
    if (!button || !window.speechSynthesis || !window.SpeechSynthesisUtterance) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      var synth = window.speechSynthesis;
      if (synth.speaking) { synth.cancel(); return; }
      var parts = [];
      var now = document.getElementById('now');
      if (now) {
        now.querySelectorAll('.bubble, h1, legend, label, .choice span:last-child').forEach(function (node) {
          parts.push(node.textContent.trim());
        });
      }
      var say = new window.SpeechSynthesisUtterance(parts.join('. '));
      say.lang = document.documentElement.lang;
      synth.speak(say);
    });
  }

  function enhance(root) {
    root.querySelectorAll('form[data-chat]').forEach(function (form) {
      form.addEventListener('submit', onSubmit);
    });
    readAloud(root);
  }

  enhance(main);
  document.documentElement.setAttribute('data-chat', 'ready');
  if (main.querySelector('.error-summary')) { focusStart(main); }
})();
