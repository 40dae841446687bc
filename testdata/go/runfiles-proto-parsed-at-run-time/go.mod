module example.com/links

go 1.21

require github.com/jhump/protoreflect v1.17.0
