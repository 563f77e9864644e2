<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AssistBar</name>
    <message>
        <source>Staff have been called and will be with you shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Need help? Staff can do this with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask staff for help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place your ID card on the reader below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted: resident ID card, residence permit for Hong Kong, Macao and Taiwan residents, foreign permanent resident ID card.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardErrorScreen</name>
    <message>
        <source>Back to start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogScreen</name>
    <message>
        <source>What would you like to do?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found. Try another word or ask the staff for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check my applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentScreen</name>
    <message>
        <source>May we use your e-licences?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To fill in the form for you, this kiosk looks up the electronic licences registered to your ID number (for example your household register) and copies the needed entries into the form. Purpose: only this application. Data used: your name, ID number and the licence entries shown on the form. They are sent encrypted to the handling department and deleted from this kiosk within 72 hours after delivery. You may refuse: then you type the entries yourself and bring the paper documents to the counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice version: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, I will type it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I agree</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoController</name>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo card panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: simulated card reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next read fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DigitPad</name>
    <message>
        <source>Delete last digit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormFieldEditor</name>
    <message>
        <source>Wrong? Ask staff</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <source>Please check the form and fill in the missing entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: check</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityScreen</name>
    <message>
        <source>Card read. Please check that this is you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your information stays on this kiosk only while you are here and is cleared when you leave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish and clear my information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check my applications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message numerus="yes">
        <source>Are you still there? In %n second(s) this session ends and your information is cleared.</source>
        <translation>
            <numerusform>Are you still there? In %n second this session ends and your information is cleared.</numerusform>
            <numerusform>Are you still there? In %n seconds this session ends and your information is cleared.</numerusform>
        </translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemDetailScreen</name>
    <message>
        <source>This service cannot be completed at the kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who can apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(if applicable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-licence accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskHeader</name>
    <message>
        <source>24-hour government self-service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Looking up your e-licences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving your application…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <source>This kiosk is temporarily out of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please use another kiosk or go to a service counter. We are sorry for the inconvenience.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressScreen</name>
    <message>
        <source>Check my applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the applications of my card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message>
        <source>Very satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy of the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ease of use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for your rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How was this service?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went wrong?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your comment (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate anonymously</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingScreen</name>
    <message>
        <source>Reading your card. Please do not move it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <source>Your application has been saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code of your query code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the QR code or keep the query code to check progress later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate this service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResidentMessages</name>
    <message>
        <source>Resident ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residence permit for Hong Kong, Macao and Taiwan residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreign permanent resident ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card was moved before reading finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card could not be read completely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card cannot be recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kind of card is not supported here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card data could not be verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading took too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card reader is not working right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please place the card flat on the reader again and keep it still until you hear the tone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please use a resident ID card, a residence permit for Hong Kong, Macao and Taiwan residents, or a foreign permanent resident ID card. Staff can help you at the counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please try once more. If it still fails, staff at the counter will help you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing you entered has been lost. Please ask staff for help, or use another kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card expired on %1. Some services need a valid card; staff can advise you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card is valid only from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>long-term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done on the spot</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message>
        <source>From: your ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: e-licence %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-licence used, no paper needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your ID card has been read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May be handed in later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced by your written promise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please hand in the paper at the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please fill this in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter at least %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter at most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a date like 2024-05-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter an 11-digit mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ID number is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please choose one of the options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check the format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on this kiosk. It is sent automatically as soon as the network is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your application could not be saved. Nothing was sent. Please try again or ask the staff for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received by the department, being processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not accepted, please ask the staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on this kiosk, waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kiosk is offline: this shows what the kiosk itself knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application found for this query code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned: please supply the missing materials at the counter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Please check before you submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
