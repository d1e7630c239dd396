// Leave this page quickly, the GOV.UK way: the button, or Shift pressed three times within five
// seconds, blanks the page at once and replaces it (no new history entry) with /leave, which
// forgets the conversation and sends the browser somewhere ordinary. Without JavaScript the
// button is a plain link to /leave and still works.
(function () {
  'use strict';
  function leave(event) {
    if (event) { event.preventDefault(); }
    document.documentElement.style.visibility = 'hidden';
    document.title = '';
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
  // A page brought back from the back-forward cache must not show answers again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) { window.location.reload(); }
  });
})();
