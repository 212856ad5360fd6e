/** The state machine of the crash-recovery test: a Pass, a task, a Wait, a callback task, a task, a Pass. */

export const crashMachineName = "CrashTest";
export const crashExecutionName = "order-42";
export const crashExecutionArn = `arn:aws:states:us-east-1:111111111111:execution:${crashMachineName}:${crashExecutionName}`;
export const waitSeconds = 4;

export const crashTestResource = (name: string): string => `arn:aws:states:::crash-test:${name}`;

export const crashMachine = {
  StartAt: "Prepare",
  States: {
    Prepare: { Type: "Pass", Result: { prepared: true }, ResultPath: "$.prepare", Next: "Charge" },
    Charge: { Type: "Task", Resource: crashTestResource("charge"), ResultPath: "$.charge", Next: "Pause" },
    Pause: { Type: "Wait", Seconds: waitSeconds, Next: "Approve" },
    Approve: {
      Type: "Task",
      Resource: `${crashTestResource("approve")}.waitForTaskToken`,
      Parameters: { "token.$": "$$.Task.Token" },
      ResultPath: "$.approval",
      Next: "Ship",
    },
    Ship: { Type: "Task", Resource: crashTestResource("ship"), ResultPath: "$.ship", Next: "Done" },
    Done: { Type: "Pass", End: true },
  },
};
