// The grid as a picture: an SVG document (text) and a PNG drawn on a canvas with the 2D API
// (no data: or blob: image loads, so it works under a strict Content-Security-Policy).
// Words go into the SVG escaped, never as markup.

const CELL = 34;
const LABEL = 110;
// XML 1.0 may not hold every character: C0 controls other than tab, LF and CR, lone surrogates
// and U+FFFE/U+FFFF are forbidden even as character references, so a document with one does not
// parse at all. Each becomes U+FFFD, the visible "unreadable character" mark, so the word keeps
// its place; the rest of the text is kept.
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const escapeXml = (text) => String(text)
  .replace(NOT_XML_CHARACTER, '\uFFFD')
  .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// The element's light palette (styles/attention-lens.css): a cell of weight w is w of the accent
// over white, and the ink on it is at least 4.8:1 from 0 to 1, so every number is readable and
// no number changes colour at a threshold (white on mid-blue was 3.4–4.4:1).
const ACCENT = [91, 141, 239];
const INK = '#1d2430';
const MUTED = '#5b6472';

function layout(tokens) {
  const n = tokens.length;
  return { n, width: LABEL + n * CELL + 10, height: LABEL + n * CELL + 40 };
}

/**
 * @param {{ tokens: Array<{text}>, weights: {data: Float32Array}, title: string, accent?: [r, g, b] }} view
 * @returns {string} a standalone SVG document
 */
export function gridSvg({ tokens, weights, title, accent = ACCENT }) {
  const { n, width, height } = layout(tokens);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="8" y="20" font-size="14" font-weight="bold" fill="${INK}">${escapeXml(title)}</text>`,
  ];
  tokens.forEach((token, i) => {
    const x = LABEL + i * CELL + CELL / 2;
    parts.push(`<text transform="translate(${x + 4} ${LABEL - 6}) rotate(-90)" fill="${INK}">${escapeXml(token.text)}</text>`);
    parts.push(`<text x="${LABEL - 6}" y="${LABEL + i * CELL + CELL / 2 + 4}" text-anchor="end" fill="${INK}">${escapeXml(token.text)}</text>`);
  });
  for (let q = 0; q < n; q++) {
    for (let k = 0; k < n; k++) {
      const w = weights.data[q * n + k];
      const x = LABEL + k * CELL;
      const y = LABEL + q * CELL;
      parts.push(`<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="rgb(${accent.join(',')})" fill-opacity="${w.toFixed(3)}" stroke="#dddddd"/>`);
      parts.push(`<text x="${x + CELL / 2}" y="${y + CELL / 2 + 4}" text-anchor="middle" fill="${INK}">${Math.round(w * 100)}</text>`);
    }
  }
  parts.push(`<text x="8" y="${height - 12}" fill="${MUTED}">Rows: the word that is looking · columns: the word it looks at · each row sums to 1</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}

/** The same picture drawn on a canvas; resolves to a PNG Blob. */
export function gridPng({ tokens, weights, title, accent = ACCENT }) {
  const { n, width, height } = layout(tokens);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = INK;
  g.font = 'bold 14px sans-serif';
  g.fillText(title, 8, 20);
  g.font = '12px sans-serif';
  tokens.forEach((token, i) => {
    g.save();
    g.translate(LABEL + i * CELL + CELL / 2 + 4, LABEL - 6);
    g.rotate(-Math.PI / 2);
    g.fillText(token.text, 0, 0);
    g.restore();
    g.textAlign = 'right';
    g.fillText(token.text, LABEL - 6, LABEL + i * CELL + CELL / 2 + 4);
    g.textAlign = 'left';
  });
  g.textAlign = 'center';
  for (let q = 0; q < n; q++) {
    for (let k = 0; k < n; k++) {
      const w = weights.data[q * n + k];
      const x = LABEL + k * CELL;
      const y = LABEL + q * CELL;
      g.fillStyle = `rgba(${accent.join(',')}, ${w})`;
      g.fillRect(x, y, CELL, CELL);
      g.strokeStyle = '#dddddd';
      g.strokeRect(x, y, CELL, CELL);
      g.fillStyle = INK;
      g.fillText(String(Math.round(w * 100)), x + CELL / 2, y + CELL / 2 + 4);
    }
  }
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
