'use strict';

// frequencies(text): [word, count] pairs, most frequent first, then alphabetical.
function frequencies(text) {
  const counts = new Map();
  for (const w of text.toLowerCase().match(/\p{L}[\p{L}'-]*/gu) || []) {
    counts.set(w, (counts.get(w) || 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

module.exports = { frequencies };
