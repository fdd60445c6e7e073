// Inlined at the top of 404.html by scripts/make-404.mjs (index.html never has it), followed by
// the document.write of the head's remaining tags. A static host
// answers every unknown address with 404.html, whose asset URLs are relative ("./"): right one
// level below the app's root (/pwm, /sub/seqlab/pwm), wrong anywhere deeper. Before any asset
// loads, this script drops trailing slashes (/pwm/ → /pwm, in place, no reload) and points <base>
// at the parent of the last segment. If the page's code still fails to load there (an address
// more than one level deep), it goes one level up to "not-found" (the app's not-found page,
// with ?missing= the address asked for) and tries again, until the root is found.
(function () {
  var location = window.location;
  var original = location.pathname;
  var path = original.replace(/\/+$/, '') || '/';
  if (path !== original) {
    window.history.replaceState(window.history.state, '', path + location.search + location.hash);
  }
  var root = path.slice(0, path.lastIndexOf('/'));
  var base = document.querySelector('base');
  if (base) base.setAttribute('href', root + '/');
  var done = false;
  window.addEventListener('TrunkApplicationStarted', function () {
    done = true;
  });
  window.addEventListener(
    'error',
    function (event) {
      // The page's module script fires "error" when its imports fail to load (Firefox also
      // fires it at a modulepreload link of a module that did load, so links are not trusted).
      var target = event.target;
      if (done || !root || !target || target.tagName !== 'SCRIPT') return;
      done = true;
      var params = new URLSearchParams(location.search);
      if (!params.has('missing')) params.set('missing', original);
      location.replace(root.slice(0, root.lastIndexOf('/')) + '/not-found?' + params.toString());
    },
    true,
  );
})();
