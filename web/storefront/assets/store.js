// Storefront islands: everything works without this file; it adds autocomplete, the gallery,
// filter auto-submit and an inquiry submit that keeps working for signed-in buyers (CSRF header).
(function () {
  'use strict';
  var doc = document;

  // Autocomplete (WAI-ARIA combobox with a listbox popup; arrow keys, Enter, Escape).
  var input = doc.getElementById('search-q');
  var list = doc.getElementById('search-suggestions');
  if (input && list) {
    var timer = null, items = [], active = -1, seq = 0;
    var close = function () { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
    var render = function () {
      list.innerHTML = '';
      items.forEach(function (it, i) {
        var li = doc.createElement('li');
        li.id = 'sugg-' + i; li.setAttribute('role', 'option'); li.setAttribute('aria-selected', i === active ? 'true' : 'false');
        li.textContent = it.label;
        li.addEventListener('mousedown', function (e) { e.preventDefault(); location.href = it.url; });
        list.appendChild(li);
      });
      list.hidden = items.length === 0; input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
      if (active >= 0) input.setAttribute('aria-activedescendant', 'sugg-' + active); else input.removeAttribute('aria-activedescendant');
    };
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { items = []; render(); return; }
      timer = setTimeout(function () {
        var mine = ++seq;
        fetch('/api/store/suggest?lang=' + encodeURIComponent(input.dataset.suggestLang) + '&q=' + encodeURIComponent(q), { credentials: 'same-origin' })
          .then(function (r) { return r.ok ? r.json() : { items: [] }; })
          .then(function (d) { if (mine === seq) { items = d.items; active = -1; render(); } })
          .catch(function () {});
      }, 150);
    });
    input.addEventListener('keydown', function (e) {
      if (list.hidden) return;
      if (e.key === 'ArrowDown') { active = Math.min(items.length - 1, active + 1); render(); e.preventDefault(); }
      else if (e.key === 'ArrowUp') { active = Math.max(-1, active - 1); render(); e.preventDefault(); }
      else if (e.key === 'Enter' && active >= 0) { location.href = items[active].url; e.preventDefault(); }
      else if (e.key === 'Escape') { close(); }
    });
    input.addEventListener('blur', function () { setTimeout(close, 100); });
  }

  // Gallery thumbnails swap the main image.
  doc.querySelectorAll('[data-gallery-src]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var main = doc.getElementById('gallery-main');
      if (!main) return;
      main.src = btn.dataset.gallerySrc; main.alt = btn.dataset.galleryAlt || '';
      doc.querySelectorAll('[data-gallery-src]').forEach(function (b) { b.removeAttribute('aria-current'); });
      btn.setAttribute('aria-current', 'true');
    });
  });

  // Facet checkboxes and sort apply at once (the Apply button stays for ranges and no-JS).
  var facetForm = doc.querySelector('form[data-autosubmit]');
  if (facetForm) {
    facetForm.addEventListener('change', function (e) {
      var t = e.target;
      if (t && (t.type === 'checkbox' || t.tagName === 'SELECT')) facetForm.requestSubmit ? facetForm.requestSubmit() : facetForm.submit();
    });
  }

  // Signed-in buyers' form posts need the session's CSRF token in a header.
  var csrf = doc.querySelector('meta[name="csrf-token"]');
  var inq = doc.querySelector('form[data-inquiry-form]');
  if (inq && csrf) {
    inq.addEventListener('submit', function (e) {
      e.preventDefault();
      fetch(inq.action, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf.content }, body: new URLSearchParams(new FormData(inq)).toString() })
        .then(function (r) { if (r.redirected) location.href = r.url; else return r.text().then(function (h) { doc.open(); doc.write(h); doc.close(); }); });
    });
  }
})();
