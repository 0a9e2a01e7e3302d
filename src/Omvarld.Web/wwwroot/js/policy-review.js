// The policy review page's enhancement (the page works without it): the item in focus highlights its passages in
// the document's text and scrolls the first into view; text selected in the document fills the "add" field.
(() => {
  'use strict';
  const source = document.getElementById('source-text');
  if (!source) return;
  const marks = Array.from(source.querySelectorAll('mark[data-items]'));
  const status = document.getElementById('selection-status');
  let active = null;

  const highlight = (item, scroll) => {
    if (active === item) return;
    active = item;
    let first = null;
    marks.forEach(m => {
      const on = item !== null && m.dataset.items.split(' ').includes(item);
      m.classList.toggle('is-active', on);
      if (on && !first) first = m;
    });
    if (scroll && first) {
      const top = first.offsetTop - source.offsetTop - source.clientHeight / 3;
      source.scrollTo({ top: Math.max(0, top), behavior: 'smooth' });
    }
  };

  document.querySelectorAll('.review-item[data-item]').forEach(card => {
    const item = card.dataset.item;
    card.addEventListener('focusin', () => highlight(item, true));
    card.addEventListener('mouseenter', () => highlight(item, false));
  });

  // "Show in the text" keeps the page where it is: the passage is highlighted and scrolled to inside the text pane.
  document.querySelectorAll('a.show-passage[data-item]').forEach(a => a.addEventListener('click', e => {
    e.preventDefault();
    active = null;
    highlight(a.dataset.item, true);
  }));

  const newText = document.getElementById('Form_NewText');
  source.addEventListener('mouseup', () => {
    const selection = window.getSelection();
    if (!newText || !selection || selection.isCollapsed || !source.contains(selection.anchorNode)) return;
    const text = selection.toString().trim();
    if (!text) return;
    newText.value = text;
    if (status) status.textContent = status.dataset.filled || '';
  });
})();
