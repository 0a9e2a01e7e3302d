// Omvärld's only script: progressive enhancement. Every page works without it (the menu is <details>, tables scroll
// by CSS); it is loaded from the app itself, so it stays within the Content Security Policy (script-src 'self').
(() => {
  'use strict';
  const narrow = window.matchMedia('(max-width: 47.99rem)');

  // The main menu: open on wide screens, folded behind "Meny" on narrow ones; one group open at a time;
  // Escape closes the open group and returns focus to its summary; a click elsewhere closes it (wide screens).
  const menu = document.querySelector('.main-nav__menu');
  if (menu) {
    const sync = () => { menu.open = !narrow.matches; };
    sync();
    narrow.addEventListener('change', sync);
    const groups = Array.from(menu.querySelectorAll('.main-nav__group'));
    groups.forEach(g => g.addEventListener('toggle', () => {
      if (g.open) groups.forEach(o => { if (o !== g) o.open = false; });
    }));
    document.addEventListener('keydown', e => {
      if (e.key !== 'Escape') return;
      const open = groups.find(g => g.open);
      if (open) { open.open = false; open.querySelector('summary').focus(); }
    });
    document.addEventListener('click', e => {
      if (narrow.matches) return;
      groups.forEach(g => { if (g.open && !g.contains(e.target)) g.open = false; });
    });
  }

  // A table wrapper that overflows becomes focusable, so that the keyboard can scroll it. It gets no role or name of
  // its own: the table inside keeps its caption, and a second landmark with the same name would only repeat it.
  const regions = Array.from(document.querySelectorAll('.table-scroll'));
  const mark = r => {
    if (r.scrollWidth > r.clientWidth + 1) r.setAttribute('tabindex', '0');
    else r.removeAttribute('tabindex');
  };
  regions.forEach(mark);
  if (regions.length && 'ResizeObserver' in window) {
    const ro = new ResizeObserver(entries => entries.forEach(e => mark(e.target)));
    regions.forEach(r => ro.observe(r));
  }

  // After an action the page says what happened (a status message, an error summary): focus moves there, so the
  // keyboard and the screen reader continue from the result instead of from the top of the page.
  const result = document.querySelector('[data-focus-on-load]');
  if (result) result.focus();

  // The activity form (Features/Activities/_ActivityFields.cshtml). Without this script every box shows, and the
  // partner rows' buttons post the form, which comes back with a row more or less.
  const form = document.querySelector('form[data-live-findings]');
  if (form) activityForm(form);

  function activityForm(form) {
    // A goal's "how" box only while the goal is ticked.
    form.querySelectorAll('[data-goal-row]').forEach(row => {
      const box = row.querySelector('[data-goal-toggle]');
      const how = row.querySelector('[data-goal-how]');
      if (!box || !how) return;
      const sync = () => { how.hidden = !box.checked; box.setAttribute('aria-expanded', String(box.checked)); };
      sync();
      box.addEventListener('change', sync);
    });

    // Partner rows added and removed in place; the names are renumbered so that the list binds without gaps.
    const rows = form.querySelector('[data-partner-rows]');
    const template = form.querySelector('#partner-row-template');
    const add = form.querySelector('[data-partner-add]');
    const status = form.querySelector('[data-partner-status]');
    const say = text => { if (status) { status.textContent = ''; window.setTimeout(() => { status.textContent = text; }, 50); } };
    const renumber = () => {
      Array.from(rows.querySelectorAll('[data-partner-row]')).forEach((row, n) => {
        row.querySelectorAll('[name], [id], label[for], [data-partner-remove]').forEach(el => {
          if (el.name) el.name = el.name.replace(/Partners\[[^\]]*\]/, `Partners[${n}]`);
          if (el.id) el.id = el.id.replace(/Partners_[^_]*_/, `Partners_${n}_`);
          if (el.htmlFor) el.htmlFor = el.htmlFor.replace(/Partners_[^_]*_/, `Partners_${n}_`);
          if (el.hasAttribute('data-partner-remove')) {
            el.value = String(n);
            el.setAttribute('aria-label', el.getAttribute('aria-label').replace(/\s*\d*$/, ` ${n + 1}`));
          }
        });
        row.querySelectorAll('label').forEach(label => {
          label.textContent = label.textContent.replace(/\s*\d*$/, ` ${n + 1}`);
        });
      });
    };
    if (rows && template && add) {
      add.addEventListener('click', e => {
        e.preventDefault();
        const row = template.content.firstElementChild.cloneNode(true);
        rows.appendChild(row);
        renumber();
        const n = rows.querySelectorAll('[data-partner-row]').length;
        row.querySelector('select').focus();
        say((add.dataset.addedText || '').replace('{0}', String(n)));
      });
      rows.addEventListener('click', e => {
        const remove = e.target.closest('[data-partner-remove]');
        if (!remove) return;
        e.preventDefault();
        const row = remove.closest('[data-partner-row]');
        const next = row.nextElementSibling || row.previousElementSibling;
        row.remove();
        renumber();
        (next ? next.querySelector('select') : add).focus();
        say(add.dataset.removedText || '');
        schedule();
      });
    }

    // The findings beside the form, live: the same partial the server renders, for the form as it stands (nothing is
    // saved). A change asks again after a pause; an answer older than the last question is dropped.
    let timer = 0;
    let asked = 0;
    const live = document.querySelector('[data-findings-status]');
    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 500);
    }
    async function refresh() {
      const n = ++asked;
      const data = new FormData(form);
      const url = new URL(form.getAttribute('action') || window.location.href, window.location.href);
      url.searchParams.set('handler', 'Findings');
      try {
        const response = await fetch(url, { method: 'POST', body: data, credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } });
        if (!response.ok || n !== asked) return;
        const html = await response.text();
        const current = document.getElementById('findings');
        if (!current) return;
        const holder = document.createElement('div');
        holder.innerHTML = html;
        const fresh = holder.querySelector('#findings');
        if (!fresh) return;
        current.replaceWith(fresh);
        fresh.setAttribute('data-findings-fresh', String(n));
        if (live) { live.textContent = ''; window.setTimeout(() => { live.textContent = live.dataset.updatedText || ''; }, 50); }
      } catch {
        // The findings stay as they were; saving shows them from the server anyway.
      }
    }
    form.addEventListener('input', schedule);
    form.addEventListener('change', schedule);
  }
})();
