// Leave this page quickly, the GOV.UK way: the button, or Shift pressed three times within five
// seconds, blanks the page at once and replaces it (no new history entry) with /leave, which
// forgets the conversation and sends the browser somewhere ordinary. Without JavaScript the
// button is a plain link to /leave and still works.
(function () {
  'use strict';
  function leave(event) {
    if (event) { event.preventDefault(); }
    var root = document.documentElement;
    root.style.visibility = 'hidden';
    root.setAttribute('data-leaving', '1');
    document.title = '';
    // A conversation's second history entry (chat.js) is stepped back over first, so the one
    // entry left is replaced; if the browser keeps it as a "forward" entry, it leads to /leave.
    if (window.history.state && window.history.state.hys === 1) {
      var gone = false;
      var go = function () {
        if (gone) { return; }
        gone = true;
        window.location.replace('/leave');
      };
      window.history.replaceState(null, '', '/leave');
      window.addEventListener('popstate', go);
      window.setTimeout(go, 400);
      window.history.back();
      return;
    }
    window.location.replace('/leave');
  }
  var presses = 0;
  var first = 0;
  document.addEventListener('keydown', function (event) {
    // Any other key (a capital letter typed with Shift, say) starts the count again.
    if (event.key !== 'Shift' || event.repeat) { presses = 0; return; }
    var now = Date.now();
    if (presses === 0 || now - first > 5000) { presses = 0; first = now; }
    presses += 1;
    if (presses >= 3) { leave(); }
  });
  var buttons = document.querySelectorAll('.exit-button');
  for (var i = 0; i < buttons.length; i += 1) { buttons[i].addEventListener('click', leave); }
  // "Read it to me" (on every child page, in the bar): the newest bubbles and the question on a
  // chat page, else the page's heading and words, in the page's language.
  var read = document.querySelector('.read-aloud');
  if (read && window.speechSynthesis && window.SpeechSynthesisUtterance) {
    read.hidden = false;
    read.addEventListener('click', function () {
      var synth = window.speechSynthesis;
      if (synth.speaking) { synth.cancel(); return; }
      var area = document.getElementById('now') || document.getElementById('main');
      var parts = [];
      if (area) {
        area.querySelectorAll('.bubble, h1, h2, p:not([hidden]), legend, label, .choice span:last-child, dt, dd.summary-answer, li > a').forEach(function (node) {
          var text = node.textContent.trim();
          if (text && parts.indexOf(text) < 0 && !node.closest('[aria-hidden=true], [hidden], .visually-hidden')) { parts.push(text); }
        });
      }
      var say = new window.SpeechSynthesisUtterance(parts.join('. '));
      say.lang = document.documentElement.lang;
      synth.speak(say);
    });
  }
  // "Copy them" next to a reference and secret words: to the clipboard only, never to storage.
  var copy = document.querySelector('.copy-code');
  if (copy && navigator.clipboard && window.isSecureContext) {
    copy.parentNode.removeAttribute('data-off');
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(copy.getAttribute('data-copy')).then(function () {
        var said = document.getElementById('copied-text');
        copy.parentNode.querySelector('.copied').textContent = said ? said.content.textContent : '';
      });
    });
  }
  // A page brought back from the back-forward cache must not show answers again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) { window.location.reload(); }
  });
})();
