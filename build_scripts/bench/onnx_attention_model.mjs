// A hand-encoded ONNX model of single-head attention, so onnxruntime-web can run the same
// computation without Python or the onnx package:
//
//   Q [Nq, d], K [Nk, d], V [Nk, dv]
//   Kt = Transpose(K, perm=[1, 0]);  S = MatMul(Q, Kt);  Z = Mul(S, scale = 1/√d)
//   W = Softmax(Z, axis=1);           O = MatMul(W, V)   → output [Nq, dv]
//
// The protobuf is written by hand (field numbers from onnx.proto). Works in Node and browsers.

const WIRE_VARINT = 0;
const WIRE_FIXED32 = 5;
const WIRE_BYTES = 2;

const textEncoder = new TextEncoder();

// Protobuf varint of a non-negative integer (int64 fields only ever get small values here).
function varint(value) {
  const bytes = [];
  let v = BigInt(value);
  if (v < 0n) v += 1n << 64n; // two's complement, as protobuf encodes negative int64
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    bytes.push(byte);
  } while (v !== 0n);
  return bytes;
}

const tag = (field, wire) => varint((field << 3) | wire);

/** One message = a list of byte chunks; helpers append fields to it. */
class Message {
  constructor() { this.parts = []; }
  int(field, value) { this.parts.push(...tag(field, WIRE_VARINT), ...varint(value)); return this; }
  float(field, value) {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.parts.push(...tag(field, WIRE_FIXED32), ...bytes);
    return this;
  }
  bytes(field, data) {
    const array = data instanceof Uint8Array ? data : Uint8Array.from(data);
    this.parts.push(...tag(field, WIRE_BYTES), ...varint(array.length), ...array);
    return this;
  }
  string(field, text) { return this.bytes(field, textEncoder.encode(text)); }
  message(field, message) { return this.bytes(field, message.encode()); }
  encode() { return Uint8Array.from(this.parts); }
}

// AttributeProto: name(1), f(2), i(3), ints(8), type(20): FLOAT=1, INT=2, INTS=7.
const intAttribute = (name, value) => new Message().string(1, name).int(3, value).int(20, 2);
function intsAttribute(name, values) {
  const attribute = new Message().string(1, name);
  for (const value of values) attribute.int(8, value); // repeated int64, unpacked (proto2)
  return attribute.int(20, 7);
}

// NodeProto: input(1), output(2), name(3), op_type(4), attribute(5).
function node(opType, inputs, outputs, name, attributes = []) {
  const message = new Message();
  for (const input of inputs) message.string(1, input);
  for (const output of outputs) message.string(2, output);
  message.string(3, name).string(4, opType);
  for (const attribute of attributes) message.message(5, attribute);
  return message;
}

// ValueInfoProto{name(1), type(2)}; TypeProto{tensor_type(1)}; Tensor{elem_type(1), shape(2)};
// TensorShapeProto{dim(1)}; Dimension{dim_value(1) | dim_param(2)}.
function floatTensorInfo(name, dims) {
  const shape = new Message();
  for (const dim of dims) {
    shape.message(1, typeof dim === 'number' ? new Message().int(1, dim) : new Message().string(2, dim));
  }
  const tensorType = new Message().int(1, 1 /* FLOAT */).message(2, shape);
  return new Message().string(1, name).message(2, new Message().message(1, tensorType));
}

// TensorProto: dims(1), data_type(2), name(8), raw_data(9) (little-endian float32).
function floatScalarTensor(name, value) {
  const raw = new Uint8Array(4);
  new DataView(raw.buffer).setFloat32(0, value, true);
  return new Message().int(2, 1 /* FLOAT */).string(8, name).bytes(9, raw);
}

/**
 * The attention model as ONNX bytes (ir_version 8, opset 13). Rows are symbolic ("Nq", "Nk"),
 * so one model serves every N.
 * @param {object} [options] { d = 64, dv = d, scale = 1/√d }
 * @returns {Uint8Array}
 */
export function buildAttentionModel({ d = 64, dv = d, scale = 1 / Math.sqrt(d) } = {}) {
  // GraphProto: node(1), name(2), initializer(5), input(11), output(12).
  const graph = new Message();
  graph.message(1, node('Transpose', ['K'], ['Kt'], 'transpose_k', [intsAttribute('perm', [1, 0])]));
  graph.message(1, node('MatMul', ['Q', 'Kt'], ['scores'], 'scores'));
  graph.message(1, node('Mul', ['scores', 'scale'], ['scaled'], 'scale_scores'));
  graph.message(1, node('Softmax', ['scaled'], ['weights'], 'softmax', [intAttribute('axis', 1)]));
  graph.message(1, node('MatMul', ['weights', 'V'], ['output'], 'weighted_values'));
  graph.string(2, 'single_head_attention');
  graph.message(5, floatScalarTensor('scale', scale));
  graph.message(11, floatTensorInfo('Q', ['Nq', d]));
  graph.message(11, floatTensorInfo('K', ['Nk', d]));
  graph.message(11, floatTensorInfo('V', ['Nk', dv]));
  graph.message(12, floatTensorInfo('output', ['Nq', dv]));

  // ModelProto: ir_version(1), producer_name(2), graph(7), opset_import(8){domain(1), version(2)}.
  return new Message()
    .int(1, 8)
    .string(2, 'attention-lens-bench')
    .message(7, graph)
    .message(8, new Message().string(1, '').int(2, 13))
    .encode();
}
