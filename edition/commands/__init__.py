"""One module per `edition` command; each exports `command`, a click command.

Commands are the only code that touches the file system and the terminal; everything they call
takes plain data and returns plain data.
"""
