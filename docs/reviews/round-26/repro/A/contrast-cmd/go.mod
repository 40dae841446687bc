module github.com/example/tracing

go 1.21
