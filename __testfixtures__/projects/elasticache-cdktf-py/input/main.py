#!/usr/bin/env python
import os

from cdktf import App

from stacks.cache_stack import CacheStack

app = App()
environment_suffix = os.environ.get("ENVIRONMENT_SUFFIX", "dev")
CacheStack(app, f"cache-{environment_suffix}", environment_suffix=environment_suffix)
app.synth()
