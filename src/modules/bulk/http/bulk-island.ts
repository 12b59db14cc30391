/**
 * The script of the bulk order pages (served as /assets/bulk/bulk.js): uploads the file to the
 * store API, polls a running job's progress (the page may be closed; the job goes on), sends
 * inline fixes and the confirmation, and feeds the quick order pad's SKU autocomplete. Plain
 * browser JavaScript as a string so it ships with the server build; every text is in the page.
 */
export const BULK_JS = String.raw`(() => {
  const csrf = document.querySelector('meta[name="csrf-token"]');
  const locale = document.documentElement.getAttribute('lang') || 'en';
  const headers = (json) => Object.assign({ accept: 'application/json' }, json ? { 'content-type': 'application/json' } : {}, csrf ? { 'x-csrf-token': csrf.getAttribute('content') } : {});
  const showError = (p) => { const e = document.getElementById('bulk-error'); if (!e) return; e.hidden = false; e.textContent = (p && (p.detail || p.title)) || String(p); };
  async function call(method, url, body, isForm) {
    const r = await fetch(url + (url.includes('?') ? '&' : '?') + 'locale=' + encodeURIComponent(locale), { method, headers: headers(!isForm && body !== undefined), body: isForm ? body : body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
    const data = await r.json().catch(() => ({}));
    if (!r.ok) { const e = new Error(data.detail || r.status); e.problem = data; throw e; }
    return data;
  }
  const go = (id) => { location.href = '/' + locale + '/account/bulk/' + encodeURIComponent(id); };

  const form = document.getElementById('bulk-form');
  if (form) form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const btn = form.querySelector('button[type=submit]'); btn.disabled = true;
    try { const v = await call('POST', form.dataset.base + '/uploads', new FormData(form), true); go(v.id); }
    catch (e) { showError(e.problem || e.message); btn.disabled = false; }
  });

  const quick = document.getElementById('quick-form');
  if (quick) {
    const search = document.getElementById('sku-search');
    const list = document.getElementById('sku-options');
    const text = document.getElementById('quick-text');
    let timer;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      const q = search.value.trim();
      if (q.length < 1) return;
      timer = setTimeout(async () => {
        try {
          const r = await call('GET', quick.dataset.base + '/skus?q=' + encodeURIComponent(q));
          list.innerHTML = '';
          for (const s of r.items) { const o = document.createElement('option'); o.value = s.sku; o.textContent = s.name; list.appendChild(o); }
        } catch (e) { /* suggestions are a convenience */ }
      }, 150);
    });
    document.getElementById('sku-add').addEventListener('click', () => {
      const sku = search.value.trim(); const qty = document.getElementById('sku-qty').value;
      if (!sku) return;
      text.value = (text.value.trim() ? text.value.trim() + '\n' : '') + sku + ' ' + qty;
      search.value = ''; search.focus();
    });
    quick.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try { const v = await call('POST', quick.dataset.base + '/pad', { text: text.value }); go(v.id); }
      catch (e) { showError(e.problem || e.message); }
    });
  }

  const root = document.getElementById('bulk-upload');
  if (!root) return;
  const id = root.dataset.upload;
  const url = root.dataset.base + '/uploads/' + encodeURIComponent(id);
  const status = root.dataset.status;
  if (status === 'validating' || status === 'applying') {
    const bar = document.getElementById('bulk-progress');
    const label = document.getElementById('bulk-progress-text');
    const poll = async () => {
      try {
        const v = await call('GET', url);
        if (bar) { bar.max = v.progress.total || 1; bar.value = v.progress.done; }
        if (label) label.textContent = v.progress.done + ' / ' + v.progress.total;
        if (v.status !== status) { location.reload(); return; }
      } catch (e) { /* keep polling */ }
      setTimeout(poll, 1000);
    };
    setTimeout(poll, 800);
  }
  const fix = document.getElementById('bulk-fix');
  if (fix) fix.addEventListener('click', async () => {
    const fixes = [...root.querySelectorAll('input.fix')].map((i) => ({ rowNo: Number(i.dataset.row), column: i.dataset.column, value: i.value }));
    fix.disabled = true;
    try { await call('PATCH', url + '/cells', { fixes }); location.reload(); }
    catch (e) { showError(e.problem || e.message); fix.disabled = false; }
  });
  const confirm = document.getElementById('bulk-confirm');
  if (confirm) confirm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const btn = confirm.querySelector('button[type=submit]'); btn.disabled = true;
    const f = new FormData(confirm);
    try { await call('POST', url + '/confirm', { acceptBackorders: f.get('acceptBackorders') === 'on', orderAgain: f.get('orderAgain') === 'on' }); location.reload(); }
    catch (e) { showError(e.problem || e.message); btn.disabled = false; }
  });
})();`;
