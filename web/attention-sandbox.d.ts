// Types for attention-sandbox.js: the element, its event and the define function.
export type SandboxVector = [number, number];
export type SandboxVectorKind = 'query' | 'key' | 'value';

export interface VectorChangeDetail {
  /** The word whose vector moved, and its index among the words. */
  word: string;
  index: number;
  kind: SandboxVectorKind;
  vector: SandboxVector;
  /** The focused word's row of weights after the move. */
  weights: number[];
}

export interface SandboxMatrix { rows: number; cols: number; data: Float32Array }

export declare class AttentionSandboxElement extends HTMLElement {
  /** Resolves once the sandbox (or its error message) is drawn. */
  readonly ready: Promise<void>;
  readonly words: string[];
  readonly focusIndex: number | null;
  /** The engine's attention() trace of the vectors shown now, or null. */
  readonly trace: { scores: SandboxMatrix; scale: number; scaled: SandboxMatrix; allowed?: SandboxMatrix; weights: SandboxMatrix; output: SandboxMatrix } | null;
  readonly vectors: { queries: SandboxVector[]; keys: SandboxVector[]; values: SandboxVector[] } | null;
  setVector(kind: SandboxVectorKind, index: number, vector: SandboxVector): void;
  applyPreset(name: 'alike' | 'aligned' | 'long' | 'opposite'): void;
}

export declare function defineAttentionSandbox(tagName?: string): void;

declare global {
  interface HTMLElementTagNameMap {
    'attention-sandbox': AttentionSandboxElement;
  }
  interface HTMLElementEventMap {
    vectorchange: CustomEvent<VectorChangeDetail>;
  }
}
