"""NLTK's ELIZA answering each line of standard input, one answer per line."""
import sys

from nltk.chat.eliza import eliza_chatbot

out = sys.stdout
for line in sys.stdin:
    out.write((eliza_chatbot.respond(line.rstrip("\n")) or "") + "\n")
