// The print button of the hand-over sheet: shown only where script runs (without it the browser's own print command
// works as well, with the same print stylesheet). A file of its own: the Content-Security-Policy allows no inline script.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});
