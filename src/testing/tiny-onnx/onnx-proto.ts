import type Protobuf from 'protobufjs';
import { FathomError } from '../../util/errors.js';

/** The subset of onnx.proto (ONNX IR) needed to write a small inference graph; field numbers match upstream. */
const schema = `
syntax = "proto3";
package onnx;
message AttributeProto {
  string name = 1; float f = 2; int64 i = 3; bytes s = 4; TensorProto t = 5;
  repeated float floats = 7; repeated int64 ints = 8; int32 type = 20;
}
message ValueInfoProto { string name = 1; TypeProto type = 2; }
message NodeProto {
  repeated string input = 1; repeated string output = 2; string name = 3; string op_type = 4;
  repeated AttributeProto attribute = 5; string domain = 7;
}
message ModelProto {
  int64 ir_version = 1; string producer_name = 2; string producer_version = 3; GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8;
}
message GraphProto {
  repeated NodeProto node = 1; string name = 2; repeated TensorProto initializer = 5;
  repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12;
}
message TensorProto {
  repeated int64 dims = 1; int32 data_type = 2; repeated float float_data = 4; repeated int64 int64_data = 7;
  string name = 8; bytes raw_data = 9;
}
message TensorShapeProto {
  message Dimension { int64 dim_value = 1; string dim_param = 2; }
  repeated Dimension dim = 1;
}
message TypeProto {
  message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; }
  Tensor tensor_type = 1;
}
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
`;

/** ONNX element types used here. */
export const onnxType = { FLOAT: 1, INT64: 7 } as const;
/** ONNX attribute types used here. */
export const attrType = { FLOAT: 1, INT: 2, INTS: 7 } as const;

/** Plain-object ONNX model in protobufjs `fromObject` form. */
export type OnnxModelObject = Record<string, unknown>;

/** Encodes a ModelProto object to bytes with protobufjs (imported lazily: it ships with transformers.js). */
export async function encodeOnnxModel(model: OnnxModelObject): Promise<Uint8Array> {
  let protobuf: typeof Protobuf;
  try {
    protobuf = (await import('protobufjs')).default;
  } catch (error) {
    throw new FathomError({ code: 'DEPENDENCY_MISSING', message: 'Writing test ONNX models needs protobufjs: run `npm install protobufjs`.', cause: error });
  }
  const type = protobuf.parse(schema).root.lookupType('onnx.ModelProto');
  return type.encode(type.fromObject(model)).finish();
}
