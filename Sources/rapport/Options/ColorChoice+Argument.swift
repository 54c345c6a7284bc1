import ArgumentParser
import RapportTerminal

extension ColorChoice: ExpressibleByArgument {}
