// Two cores: one app and one Chromium at a time keeps the suite steady.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
