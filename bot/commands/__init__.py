"""One module per `summitbot` subcommand, loaded only when that subcommand runs."""
