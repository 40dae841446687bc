# restage's own image. Convert a Dockerfile in the current folder:
#   docker run --rm -v "$PWD:/work" IMAGE -d Dockerfile
FROM golang:1.26 AS build

WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -tags urfave_cli_no_docs -o /usr/local/bin/restage ./cmd/restage

WORKDIR /work

FROM gcr.io/distroless/static-debian13:nonroot
WORKDIR /work
COPY --from=build /usr/local/bin/restage /usr/local/bin/restage
ENTRYPOINT ["/usr/local/bin/restage"]
