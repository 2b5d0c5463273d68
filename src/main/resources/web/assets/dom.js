// Small DOM helpers. Text always goes through textContent, never through HTML parsing.

import { t } from './i18n.js';

export function byId(id) {
  return document.getElementById(id);
}

/** Creates an element with optional class, text and title. */
export function el(tag, { cls, text, title } = {}, children = []) {
  const node = document.createElement(tag);
  if (cls) {
    node.className = cls;
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (title) {
    node.title = String(title);
  }
  children.forEach((child) => node.append(child));
  return node;
}

/** A coloured label, such as a severity or an order side. */
export function badge(text, cls, title) {
  return el('span', { cls: `badge ${cls || ''}`.trim(), text, title });
}

/**
 * Replaces the body rows of a table. Each row is a list of cells: a string, a Node, or
 * {text, cls, title, node}; a row may also be {cells, note}, the note shown on a line of its own
 * under the row. Cells of a column whose header has the class "num" are right-aligned.
 * An empty list shows one friendly "nothing yet" row across all columns.
 */
export function fillTable(table, rows) {
  const heads = Array.from(table.querySelectorAll('thead th'));
  const body = table.tBodies[0] || table.createTBody();
  if (!rows.length) {
    const td = el('td', { cls: 'empty', text: t('common.none') });
    td.colSpan = Math.max(1, heads.length);
    body.replaceChildren(el('tr', {}, [td]));
    table.dataset.rows = '0';
    return;
  }
  const trs = rows.flatMap((row) => {
    const cells = Array.isArray(row) ? row : row.cells;
    const tr = document.createElement('tr');
    cells.forEach((cell, i) => {
      const td = document.createElement('td');
      const numeric = heads[i] && heads[i].classList.contains('num');
      if (numeric) {
        td.classList.add('num');
      }
      fillCell(td, cell);
      tr.append(td);
    });
    if (Array.isArray(row) || !row.note) {
      return [tr];
    }
    tr.classList.add('has-note');
    const note = el('td', { cls: 'note', text: row.note, title: row.note });
    note.colSpan = Math.max(1, heads.length);
    return [tr, el('tr', { cls: 'note-row' }, [note])];
  });
  body.replaceChildren(...trs);
  table.dataset.rows = String(rows.length);
}

function fillCell(td, cell) {
  if (cell === null || cell === undefined) {
    td.textContent = '—';
  } else if (cell instanceof Node) {
    td.append(cell);
  } else if (typeof cell === 'object') {
    if (cell.node) {
      td.append(cell.node);
    } else {
      td.textContent = cell.text === null || cell.text === undefined ? '—' : String(cell.text);
    }
    if (cell.cls) {
      cell.cls.split(' ').filter(Boolean).forEach((c) => td.classList.add(c));
    }
    if (cell.title) {
      td.title = String(cell.title);
    }
  } else {
    td.textContent = String(cell);
  }
}

/** Sets a <dl> to label/value pairs, skipping pairs whose value is null. */
export function fillPairs(dl, pairs) {
  const nodes = [];
  pairs.forEach(([label, value, cls]) => {
    if (value === null || value === undefined || value === '') {
      return;
    }
    nodes.push(el('dt', { text: label }));
    nodes.push(el('dd', { text: value, cls }));
  });
  dl.replaceChildren(...nodes);
}
