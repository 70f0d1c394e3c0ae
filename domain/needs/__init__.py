"""The need list (需求清单): verbs that move a need through its states, one transaction each."""
