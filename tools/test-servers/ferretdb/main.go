// Command ferretdb runs FerretDB v1 (MongoDB wire protocol) on a PostgreSQL database, for tests only.
//
// The PostgreSQL backend, not the SQLite one: FerretDB 1.24's SQLite backend pushes a filter down to SQL
// only when it is exactly {_id: value}, so the read store's fenced upserts ({_id, version: {$lt}}) scan
// the whole collection for every document they write.
//
// It embeds FerretDB's `ferretdb` package instead of building FerretDB's own command: built from the Go
// module proxy, that command panics at start because its build/version/version.txt is only generated in
// FerretDB's repository.
package main

import (
	"context"
	"flag"
	"log"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:37017", "TCP address to listen on")
	postgresURL := flag.String("postgresql-url", "postgres://127.0.0.1:5432/ferretdb", "PostgreSQL database FerretDB stores into")
	flag.Parse()

	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	server, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: *listen},
		Logger:        logger,
		Handler:       "postgresql",
		PostgreSQLURL: *postgresURL,
	})
	if err != nil {
		log.Fatal(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	logger.Warn("ferretdb listening", "uri", server.MongoDBURI())
	if err := server.Run(ctx); err != nil {
		log.Fatal(err)
	}
}
