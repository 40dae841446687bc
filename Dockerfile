# restage's own image. Convert a Dockerfile in the current folder:
#   docker run --rm -v "$PWD:/work" IMAGE -d Dockerfile
FROM golang:1.26

WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -tags urfave_cli_no_docs -o /usr/local/bin/restage ./cmd/restage

WORKDIR /work
ENTRYPOINT ["restage"]
