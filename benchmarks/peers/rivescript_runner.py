"""RiveScript, with coach.rive (about 90 triggers), answering each line of standard input."""
import sys
from pathlib import Path

from rivescript import RiveScript

bot = RiveScript(utf8=True)
bot.load_file(str(Path(__file__).with_name("coach.rive")))
bot.sort_replies()
out = sys.stdout
for line in sys.stdin:
    out.write(bot.reply("user", line.rstrip("\n")) + "\n")
