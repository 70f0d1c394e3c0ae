"""Data made up for trying minqing and measuring it: the seeded demo communities
(``community``, ``households``) and a Jiangbei-sized district (``district``). They call the
domain's verbs like any other client; nothing in the product imports them but the CLI."""
