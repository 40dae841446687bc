// Shaped like protoc-gen-go-grpc's output: the service description names
// the .proto file it was generated from. grpc-go keeps the name as
// metadata (reflection looks it up in the compiled-in registry) and never
// opens it.
package pb

type ServiceDesc struct {
	ServiceName string
	Metadata    interface{}
}

var Links_ServiceDesc = ServiceDesc{
	ServiceName: "links.Links",
	Metadata:    "protos/links.proto",
}
