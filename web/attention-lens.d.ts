// Types for <attention-lens> (web/attention-lens.js). See docs/element.md.

export interface AttentionFocusDetail {
  /** The focused token's index in the sentence. */
  index: number;
  /** The focused token's text. */
  token: string;
  /** 1-based layer shown. */
  layer: number;
  /** 1-based head shown, or 'average'. */
  head: number | 'average';
  /** The focused row of weights (a copy), one per token; sums to 1. */
  weights: Float32Array;
}

/**
 * @fires attentionfocus - when the focused word changes (bubbles, composed)
 * @csspart grid - the table of weights
 */
export declare class AttentionLensElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Resolves once the first grid (or error message) is drawn. */
  readonly ready: Promise<void>;
  /** What the element shows now ({ tokens, layers } from analyze()), or null. */
  readonly analysis: { tokens: Array<{ text: string; start: number; end: number; known: boolean }>; layers: unknown[] } | null;
  /** The grid as shown now, as an SVG document. */
  exportSvg(): string;
  /** The grid as shown now, as a PNG image. */
  exportPng(): Promise<Blob>;
}

/** Registers the element under `tagName` (default 'attention-lens'); a second call does nothing. */
export declare function defineAttentionLens(tagName?: string): void;

declare global {
  interface HTMLElementTagNameMap {
    'attention-lens': AttentionLensElement;
  }
  interface HTMLElementEventMap {
    attentionfocus: CustomEvent<AttentionFocusDetail>;
    attentionchange: CustomEvent<{ layer: number; head: number | 'average' }>;
  }
}
