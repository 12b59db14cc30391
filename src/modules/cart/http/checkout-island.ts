/**
 * The script island of the cart and checkout pages (served as /assets/cart/checkout.js). Plain
 * browser JavaScript kept as a string so it ships with the server build: it calls the store API
 * (the same one API clients use), re-renders the totals after every change, and walks the three
 * checkout steps. Texts come from the page (data-i18n JSON), prices only ever from the server.
 */
export const CHECKOUT_JS = String.raw`(() => {
  const root = document.querySelector('[data-cart]');
  if (!root) return;
  const cartId = root.getAttribute('data-cart');
  const locale = document.body.getAttribute('data-locale') || 'en';
  const T = JSON.parse(document.getElementById('cart-i18n').textContent || '{}');
  const csrf = document.querySelector('meta[name="csrf-token"]');
  const base = '/api/store/carts/' + encodeURIComponent(cartId);
  const fmt = (minor, cur) => {
    const exp = new Intl.NumberFormat('en', { style: 'currency', currency: cur }).resolvedOptions().maximumFractionDigits;
    const s = String(Math.abs(minor)).padStart(exp + 1, '0');
    const dec = exp ? s.slice(0, s.length - exp) + '.' + s.slice(s.length - exp) : s;
    return new Intl.NumberFormat(locale, { style: 'currency', currency: cur, minimumFractionDigits: exp }).format((minor < 0 ? '-' : '') + dec);
  };
  const day = (iso) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso + 'T12:00:00Z'));
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  async function call(method, path, body, headers) {
    const h = Object.assign({ accept: 'application/json' }, headers || {});
    if (body !== undefined) h['content-type'] = 'application/json';
    if (csrf && method !== 'GET') h['x-csrf-token'] = csrf.getAttribute('content');
    const r = await fetch(base + path + (path.includes('?') ? '&' : '?') + 'locale=' + encodeURIComponent(locale), { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
    const data = await r.json().catch(() => ({}));
    if (!r.ok) { const e = new Error(data.detail || r.status); e.problem = data; throw e; }
    return data;
  }
  const msg = document.getElementById('cart-message');
  const say = (text, tone) => { if (msg) { msg.textContent = text || ''; msg.className = 'notice ' + (tone || ''); msg.hidden = !text; } };
  function renderTotals(q) {
    const el = document.getElementById('cart-totals');
    if (!el) return;
    el.innerHTML = q.totals.explanations.map((e) =>
      '<tr class="' + (e.kind === 'grand_total' ? 'grand' : e.included ? '' : 'info') + '"><th scope="row">' + esc(e.label) + '</th><td>' +
      (e.kind === 'note' && !e.amount ? '' : e.included ? fmt(e.amount, q.currency) : '(' + fmt(e.amount, q.currency) + ')') + '</td></tr>').join('');
    const probs = document.getElementById('cart-problems');
    if (probs) probs.innerHTML = q.problems.length ? '<p>' + esc(T.problems) + '</p><ul>' + q.problems.map((p) => '<li data-field="' + esc(p.field) + '">' + esc(p.message) + '</li>').join('') + '</ul>' : '';
    const place = document.getElementById('place-order');
    if (place) place.disabled = !q.canCheckout;
    for (const line of q.lines) {
      const row = document.querySelector('[data-line="' + line.id + '"]');
      if (!row) continue;
      row.querySelector('.line-total').textContent = line.lineTotal == null ? '—' : fmt(line.lineTotal, q.currency);
      row.querySelector('.availability').textContent = line.availability.message;
      row.querySelector('.line-problem').textContent = line.problems.map((p) => p.message).join(' ');
    }
    const count = document.getElementById('cart-count');
    if (count) count.textContent = String(q.itemCount);
    root.setAttribute('data-grand-total', String(q.totals.grandTotal));
  }
  // Cart lines: change quantity, remove.
  root.addEventListener('change', async (ev) => {
    const input = ev.target.closest('input[data-qty]');
    if (!input) return;
    try { say(''); renderTotals(await call('PATCH', '/lines/' + input.getAttribute('data-qty'), { quantity: Number(input.value) })); }
    catch (e) { say(e.message, 'error'); }
  });
  root.addEventListener('click', async (ev) => {
    const btn = ev.target.closest('button[data-remove]');
    if (!btn) return;
    try { const q = await call('DELETE', '/lines/' + btn.getAttribute('data-remove')); btn.closest('tr').remove(); renderTotals(q); }
    catch (e) { say(e.message, 'error'); }
  });
  // Checkout steps.
  const step = (n) => document.querySelectorAll('[data-step]').forEach((s) => { s.hidden = Number(s.getAttribute('data-step')) !== n; });
  const addrForm = document.getElementById('address-form');
  if (addrForm) {
    const read = (prefix) => {
      const v = (k) => { const el = addrForm.elements.namedItem(prefix + k); return el && el.value ? el.value : null; };
      return { name: v('name') || '', company: v('company'), line1: v('line1') || '', line2: v('line2'), city: v('city') || '', region: v('region'), postalCode: v('postalCode'), countryCode: (v('countryCode') || '').toUpperCase(), phone: v('phone') };
    };
    // Address book: choosing a saved address fills the fields (they stay editable).
    addrForm.querySelectorAll('select[data-address-book]').forEach((sel) => sel.addEventListener('change', () => {
      const opt = sel.selectedOptions[0];
      const a = opt && opt.getAttribute('data-address') ? JSON.parse(opt.getAttribute('data-address')) : {};
      const prefix = sel.getAttribute('data-address-book');
      for (const k of ['name', 'company', 'line1', 'line2', 'city', 'region', 'postalCode', 'countryCode', 'phone']) {
        const el = addrForm.elements.namedItem(prefix + k);
        if (el) el.value = a[k] || '';
      }
    }));
    const same = addrForm.elements.namedItem('sameAsShipping');
    const billTo = document.getElementById('bill-to');
    if (same && billTo) same.addEventListener('change', () => { billTo.disabled = same.checked; billTo.hidden = same.checked; });
    addrForm.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      addrForm.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
      const same = addrForm.elements.namedItem('sameAsShipping').checked;
      try {
        const q = await call('PUT', '/addresses', { email: addrForm.elements.namedItem('email').value || null, shipTo: read('ship.'), billTo: same ? null : read('bill.'), vatNumber: addrForm.elements.namedItem('vatNumber').value || null, poNumber: addrForm.elements.namedItem('poNumber').value || null });
        renderTotals(q); say(''); await loadShipping(); step(2);
      } catch (e) {
        say(e.message, 'error');
        for (const fe of (e.problem && e.problem.errors) || []) {
          const name = fe.field.replace(/^body\./, '').replace('shipTo.', 'ship.').replace('billTo.', 'bill.');
          const slot = addrForm.querySelector('[data-error-for="' + name + '"]');
          if (slot) slot.textContent = fe.message;
        }
      }
    });
  }
  async function loadShipping() {
    const s = await call('GET', '/shipping-options');
    const box = document.getElementById('shipping-options');
    box.innerHTML = s.options.length ? s.options.map((o, i) =>
      '<label class="option"><input type="radio" name="shippingMethodId" value="' + esc(o.id) + '"' + ((s.selected ? s.selected === o.id : i === 0) ? ' checked' : '') + '> <strong>' + esc(o.name) + '</strong> — ' +
      fmt(o.price, root.getAttribute('data-currency')) + ' · ' + esc(T.delivery.replace('{from}', day(o.estimate.from)).replace('{to}', day(o.estimate.to))) + '</label>').join('') : '<p class="notice error">' + esc((s.problems.find((p) => p.code === 'no_shipping') || {}).message || '') + '</p>';
    const inc = document.getElementById('incoterm-options');
    inc.innerHTML = s.incoterms.offered.map((c) => '<label class="option"><input type="radio" name="incoterm" value="' + c + '"' + (c === s.incoterms.selected ? ' checked' : '') + '> ' + esc(T['incoterm.' + c] || c) + '</label>').join('');
    const pay = document.getElementById('payment-options');
    pay.innerHTML = s.paymentMethods.map((m) => '<label class="option"><input type="radio" name="paymentMethod" value="' + esc(m.id) + '"' + (m.id === s.paymentMethod ? ' checked' : '') + '> ' + esc(m.label) + '</label>').join('');
  }
  const shipForm = document.getElementById('shipping-form');
  if (shipForm) {
    const save = async () => {
      const v = (n) => { const el = shipForm.querySelector('input[name="' + n + '"]:checked'); return el ? el.value : undefined; };
      return call('PUT', '/shipping', { shippingMethodId: v('shippingMethodId'), incoterm: v('incoterm'), paymentMethod: v('paymentMethod') });
    };
    shipForm.addEventListener('change', async () => { try { renderTotals(await save()); say(''); } catch (e) { say(e.message, 'error'); } });
    shipForm.addEventListener('submit', async (ev) => { ev.preventDefault(); try { renderTotals(await save()); step(3); } catch (e) { say(e.message, 'error'); } });
  }
  document.querySelectorAll('[data-back]').forEach((b) => b.addEventListener('click', () => step(Number(b.getAttribute('data-back')))));
  const place = document.getElementById('place-order');
  if (place) {
    const key = 'tl-checkout-' + cartId + '-' + Math.random().toString(36).slice(2);
    place.addEventListener('click', async () => {
      place.disabled = true;
      try {
        const r = await call('POST', '/checkout', { expectedGrandTotal: Number(root.getAttribute('data-grand-total')) }, { 'idempotency-key': key });
        const done = document.getElementById('order-placed');
        done.innerHTML = '<h2>' + esc(T.placed.replace('{number}', r.order.number)) + '</h2><p><a id="proforma-link" href="' + esc(r.order.proformaUrl) + '">' + esc(T.proforma) + '</a></p>' +
          // payments (issue 6): the order's pay page (guests carry the signed proforma token).
          '<p><a class="button" id="pay-link" href="/' + encodeURIComponent(locale) + '/pay/' + encodeURIComponent(r.order.id) + (/[?&]token=([^&]+)/.test(r.order.proformaUrl) ? '?token=' + /[?&]token=([^&]+)/.exec(r.order.proformaUrl)[1] : '') + '">' + esc(T.payNow) + '</a></p>';
        const count = document.getElementById('cart-count');
        if (count) count.textContent = '0';
        step(4);
      } catch (e) { say(e.message, 'error'); place.disabled = false; try { renderTotals(await call('GET', '')); } catch (_) {} }
    });
  }
  if (document.querySelector('[data-step="1"]')) step(1);
})();`;
