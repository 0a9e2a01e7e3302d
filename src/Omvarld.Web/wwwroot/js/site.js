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
})();
